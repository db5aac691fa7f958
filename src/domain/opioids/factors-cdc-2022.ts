/**
 * Factor set "CDC 2022" (data, default): the clinical MME conversion table of the CDC 2022 guideline.
 *
 * Source: reference/clinical-facts.md 1.3.1 [V] — Dowell D et al. CDC Clinical Practice Guideline for
 * Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep 2022;71(No. RR-3), MME table.
 * Cross-checked against the 2022 values of cqframework/opioid-mme-r4 CDCMMEClinicalConversionFactors (1.5).
 *
 * Assumptions:
 * - Factors multiply the daily dose in mg/day of an oral product, or the patch rate in mcg/hr of a
 *   transdermal fentanyl patch (per patch worn at once; Open issue 3: the days-supply form ×7.2 is not used).
 * - Forms the table does not list (fentanyl buccal, sublingual, nasal or film forms; injections; rectal
 *   forms) have no factor here and are listed as not convertible.
 * - Buprenorphine is not in the table and is never summed (see mme.ts).
 */
import type { FactorSet } from './factor-types';

export const CDC_2022_FACTORS: FactorSet = {
  id: 'cdc-2022',
  name: 'CDC 2022',
  version: '2022-v1',
  source: 'CDC 2022 clinical MME table (MMWR RR-71-3), reference 1.3.1',
  tag: 'V',
  rows: [
    { ingredient: 'codeine', routes: ['oral'], basis: 'mg/day', factor: 0.15, label: 'Codeine', tag: 'V' },
    { ingredient: 'fentanyl', routes: ['transdermal'], basis: 'mcg/hr', factor: 2.4, label: 'Fentanyl transdermal (per mcg/hr)', tag: 'V' },
    { ingredient: 'hydrocodone', routes: ['oral'], basis: 'mg/day', factor: 1, label: 'Hydrocodone', tag: 'V' },
    { ingredient: 'hydromorphone', routes: ['oral'], basis: 'mg/day', factor: 5, label: 'Hydromorphone', tag: 'V' },
    { ingredient: 'methadone', routes: ['oral'], basis: 'mg/day', factor: 4.7, label: 'Methadone (any dose)', tag: 'V' },
    { ingredient: 'morphine', routes: ['oral'], basis: 'mg/day', factor: 1, label: 'Morphine', tag: 'V' },
    { ingredient: 'oxycodone', routes: ['oral'], basis: 'mg/day', factor: 1.5, label: 'Oxycodone', tag: 'V' },
    { ingredient: 'oxymorphone', routes: ['oral'], basis: 'mg/day', factor: 3, label: 'Oxymorphone', tag: 'V' },
    {
      ingredient: 'tapentadol',
      routes: ['oral'],
      basis: 'mg/day',
      factor: 0.4,
      label: 'Tapentadol',
      tag: 'V',
      note: 'CDC note: it is unknown whether overdose risk rises with dose in the same way as for other opioids.',
    },
    {
      ingredient: 'tramadol',
      routes: ['oral'],
      basis: 'mg/day',
      factor: 0.2,
      label: 'Tramadol',
      tag: 'V',
      note: 'CDC note: it is unknown whether overdose risk rises with dose in the same way as for other opioids.',
    },
  ],
};
