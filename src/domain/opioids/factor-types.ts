/**
 * Types of an MME factor set (data in factors-cdc-2022.ts and factors-cdc-2016.ts). No figures here.
 */
import type { FactorSetId } from './settings';
import type { Route, Tag } from './types';

export interface FactorTier {
  /** Inclusive upper bound in mg/day; null = no upper bound. */
  upToMgPerDay: number | null;
  factor: number;
  /** The published range, e.g. '21–40 mg/day'. */
  label: string;
}

export interface FactorRow {
  /** Ingredient key (ingredient-table.ts). */
  ingredient: string;
  routes: readonly Route[];
  /** What the factor multiplies: the daily dose in mg/day or a patch rate in mcg/hr. */
  basis: 'mg/day' | 'mcg/hr';
  factor?: number;
  tiers?: readonly FactorTier[];
  label: string;
  tag: Tag;
  note?: string;
}

export interface FactorSet {
  id: FactorSetId;
  name: string;
  version: string;
  source: string;
  tag: Tag;
  rows: readonly FactorRow[];
}
