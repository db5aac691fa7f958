/**
 * Available strengths per ingredient (data), used to round taper steps to amounts a person can take.
 *
 * Source: NOT in the reference. Common US immediate-release oral products, from general product knowledge
 * (the examples: oxycodone IR 5/10/15/20/30 mg, morphine IR 15/30 mg, hydrocodone/acetaminophen
 * 5/7.5/10 mg, tramadol 50 mg, methadone 5/10 mg; we add hydromorphone, oxymorphone, tapentadol, codeine).
 * Every row is [U]: a clinic should check it against its formulary.
 *
 * Assumptions: whole tablets only (no splitting); a liquid form would allow smaller steps, which the plan
 * mentions but does not use. Patches and buprenorphine are not planned here (see taper.ts).
 */
import type { Tag } from './types';

export interface StrengthRow {
  ingredient: string;
  strengthsMg: readonly number[];
  products: string;
  tag: Tag;
}

export const STRENGTH_TABLE: readonly StrengthRow[] = [
  { ingredient: 'oxycodone', strengthsMg: [5, 10, 15, 20, 30], products: 'oxycodone immediate-release tablets', tag: 'U' },
  { ingredient: 'morphine', strengthsMg: [15, 30], products: 'morphine immediate-release tablets', tag: 'U' },
  { ingredient: 'hydrocodone', strengthsMg: [5, 7.5, 10], products: 'hydrocodone/acetaminophen tablets', tag: 'U' },
  { ingredient: 'tramadol', strengthsMg: [50], products: 'tramadol tablets', tag: 'U' },
  { ingredient: 'methadone', strengthsMg: [5, 10], products: 'methadone tablets', tag: 'U' },
  { ingredient: 'hydromorphone', strengthsMg: [2, 4, 8], products: 'hydromorphone tablets', tag: 'U' },
  { ingredient: 'oxymorphone', strengthsMg: [5, 10], products: 'oxymorphone immediate-release tablets', tag: 'U' },
  { ingredient: 'tapentadol', strengthsMg: [50, 75, 100], products: 'tapentadol immediate-release tablets', tag: 'U' },
  { ingredient: 'codeine', strengthsMg: [15, 30, 60], products: 'codeine sulfate tablets', tag: 'U' },
];

export function strengthsFor(ingredientKey: string): StrengthRow | null {
  return STRENGTH_TABLE.find((r) => r.ingredient === ingredientKey) ?? null;
}
