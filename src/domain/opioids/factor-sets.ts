/**
 * MME factor sets as versioned data, and the look-up of one factor.
 *
 * Source: factors-cdc-2022.ts (reference 1.3.1 [V]) and factors-cdc-2016.ts (reference 1.3.2 [V as encoded]).
 *
 * Assumptions:
 * - A row applies to one ingredient and the routes it lists; anything else has no factor (never zero).
 * - Tiered rows (2016 methadone) pick the first tier whose `upToMgPerDay` is at or above the daily dose.
 *   Published tiers start at 1 mg/day and are whole-number ranges; a dose below 1 mg/day or between two
 *   published ranges (e.g. 20.5) is given the tier that contains it under our reading and a note says so.
 */
import { CDC_2016_FACTORS } from './factors-cdc-2016';
import { CDC_2022_FACTORS } from './factors-cdc-2022';
import type { FactorRow, FactorSet, FactorTier } from './factor-types';
import type { FactorSetId } from './settings';
import type { Route } from './types';

export type { FactorRow, FactorSet, FactorTier } from './factor-types';

export const FACTOR_SETS: Readonly<Record<FactorSetId, FactorSet>> = {
  'cdc-2022': CDC_2022_FACTORS,
  'cdc-2016': CDC_2016_FACTORS,
};

export function getFactorSet(id: FactorSetId): FactorSet {
  const set = FACTOR_SETS[id];
  if (set === undefined) throw new Error(`getFactorSet: unknown factor set "${String(id)}"`);
  return set;
}

/** "CDC 2022 (cdc-2022, 2022-v1)": how every result names the factor set that produced it. */
export function describeFactorSet(set: FactorSet): string {
  return `${set.name} (${set.id}, ${set.version})`;
}

export type FactorLookup =
  | { found: true; factor: number; row: FactorRow; tierLabel: string | null; between: boolean }
  | { found: false; why: 'ingredient-not-in-table' | 'route-not-in-table'; rowForOtherRoute: FactorRow | null };

/** Picks a tier for a daily dose; `between` when the dose is below 1 or between two published whole-number ranges. */
function pickTier(tiers: readonly FactorTier[], mgPerDay: number): { tier: FactorTier; between: boolean } {
  const tier = tiers.find((t) => t.upToMgPerDay === null || mgPerDay <= t.upToMgPerDay);
  if (tier === undefined) throw new Error('pickTier: the last tier must have no upper bound');
  const index = tiers.indexOf(tier);
  const previous = index > 0 ? tiers[index - 1] : undefined;
  const publishedLow = previous?.upToMgPerDay != null ? previous.upToMgPerDay + 1 : 1;
  return { tier, between: mgPerDay < publishedLow };
}

/**
 * The factor for an ingredient given by route, and for tiered rows the daily dose that picks the tier
 * (mg/day; for 2016 methadone, the person's total methadone mg/day).
 */
export function lookupFactor(set: FactorSet, ingredientKey: string, route: Route, tierDoseMgPerDay: number): FactorLookup {
  const rows = set.rows.filter((r) => r.ingredient === ingredientKey);
  if (rows.length === 0) return { found: false, why: 'ingredient-not-in-table', rowForOtherRoute: null };
  const row = rows.find((r) => r.routes.includes(route));
  if (row === undefined) return { found: false, why: 'route-not-in-table', rowForOtherRoute: rows[0] ?? null };
  if (row.tiers !== undefined) {
    const { tier, between } = pickTier(row.tiers, tierDoseMgPerDay);
    return { found: true, factor: tier.factor, row, tierLabel: tier.label, between };
  }
  if (row.factor === undefined) throw new Error(`lookupFactor: row ${row.label} has neither factor nor tiers`);
  return { found: true, factor: row.factor, row, tierLabel: null, between: false };
}
