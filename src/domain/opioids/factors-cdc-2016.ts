/**
 * Factor set "CDC 2016" (data): the 2016-era clinical table, with methadone factors by daily dose.
 *
 * Source: reference/clinical-facts.md 1.3.2 [V, as encoded] — CDC fact sheet "Calculating Total Daily Dose
 * of Opioids for Safer Dosage" as written in cqframework/opioid-mme-r4 input/cql/ConversionFactors.cql
 * @ 1357f454 (comment block and hard-coded fallback), which is also what that repository's tests expect.
 *
 * Assumptions:
 * - Tramadol and tapentadol are absent from this table (the encoded fallback returns nothing for both), so
 *   under this set they are listed as not convertible.
 * - Methadone tiers are published as whole-number ranges 1–20, 21–40, 41–60, 61–80+ mg/day. The public CQL
 *   matches no tier for a dose such as 20.5 mg/day or below 1 mg/day (reference 1.5); we read the ranges as
 *   "up to 20", "over 20 up to 40", "over 40 up to 60", "over 60", so every dose gets a factor, and the
 *   result says so when the dose falls between two published ranges or below 1 mg/day.
 * - The tier is chosen from the person's total methadone mg/day across all methadone orders (the table is
 *   about the daily dose a person takes); the public CQL chooses it per order.
 */
import type { FactorSet } from './factor-types';

export const CDC_2016_FACTORS: FactorSet = {
  id: 'cdc-2016',
  name: 'CDC 2016',
  version: '2016-v1',
  source: 'CDC 2016-era clinical table ("Calculating Total Daily Dose of Opioids for Safer Dosage"), reference 1.3.2',
  tag: 'V',
  rows: [
    { ingredient: 'codeine', routes: ['oral'], basis: 'mg/day', factor: 0.15, label: 'Codeine', tag: 'V' },
    { ingredient: 'fentanyl', routes: ['transdermal'], basis: 'mcg/hr', factor: 2.4, label: 'Fentanyl transdermal (per mcg/hr)', tag: 'V' },
    { ingredient: 'hydrocodone', routes: ['oral'], basis: 'mg/day', factor: 1, label: 'Hydrocodone', tag: 'V' },
    { ingredient: 'hydromorphone', routes: ['oral'], basis: 'mg/day', factor: 4, label: 'Hydromorphone', tag: 'V' },
    {
      ingredient: 'methadone',
      routes: ['oral'],
      basis: 'mg/day',
      label: 'Methadone (by daily dose)',
      tag: 'V',
      tiers: [
        { upToMgPerDay: 20, factor: 4, label: '1–20 mg/day' },
        { upToMgPerDay: 40, factor: 8, label: '21–40 mg/day' },
        { upToMgPerDay: 60, factor: 10, label: '41–60 mg/day' },
        { upToMgPerDay: null, factor: 12, label: '61–80+ mg/day' },
      ],
    },
    { ingredient: 'morphine', routes: ['oral'], basis: 'mg/day', factor: 1, label: 'Morphine', tag: 'V' },
    { ingredient: 'oxycodone', routes: ['oral'], basis: 'mg/day', factor: 1.5, label: 'Oxycodone', tag: 'V' },
    { ingredient: 'oxymorphone', routes: ['oral'], basis: 'mg/day', factor: 3, label: 'Oxymorphone', tag: 'V' },
  ],
};
