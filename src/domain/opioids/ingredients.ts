/**
 * Recognising an order's ingredients: by RxNorm ingredient code first, then by name.
 *
 * Source: ingredient-table.ts (codes and classes, with their tags).
 *
 * Assumptions:
 * - The code wins over the name. When both are known and disagree, the code is used and the caller gets
 *   the mismatch back so it can be reported (never silently resolved).
 * - Names match on whole words after lower-casing, so "Oxycodone Hydrochloride" and
 *   "hydrocodone bitartrate / acetaminophen" are recognised and "dihydrocodeine" is not read as codeine.
 * - Rescue naloxone is a naloxone product with no opioid in it: the naloxone in buprenorphine/naloxone
 *   (taken for opioid use disorder) cannot reverse an overdose and does not count (reference 3, our reading).
 */
import { INGREDIENT_TABLE, type DrugClass, type IngredientEntry } from './ingredient-table';
import type { MedicationOrder, RxNormIngredient } from './types';

const BY_CODE = new Map<string, IngredientEntry>();
const BY_WORD = new Map<string, IngredientEntry>();
for (const entry of INGREDIENT_TABLE) {
  if (entry.code !== undefined) BY_CODE.set(entry.code, entry);
  BY_WORD.set(entry.key, entry);
  for (const synonym of entry.synonyms ?? []) BY_WORD.set(synonym, entry);
}
const BY_KEY = new Map(INGREDIENT_TABLE.map((e) => [e.key, e]));

export interface IngredientMatch {
  entry: IngredientEntry | null;
  matchedBy: 'code' | 'name' | null;
  /** Set when the code and the name point at different known ingredients (the code was used). */
  nameSays?: IngredientEntry;
}

const nameCache = new Map<string, IngredientEntry | null>();

function entryByName(name: string): IngredientEntry | null {
  const cached = nameCache.get(name);
  if (cached !== undefined) return cached;
  let found: IngredientEntry | null = null;
  for (const word of name.toLowerCase().split(/[^a-z]+/)) {
    const entry = BY_WORD.get(word);
    if (entry !== undefined) {
      found = entry;
      break;
    }
  }
  if (nameCache.size < 5000) nameCache.set(name, found);
  return found;
}

export function identifyIngredient(ingredient: RxNormIngredient): IngredientMatch {
  const byCode = BY_CODE.get(ingredient.code.trim());
  const byName = entryByName(ingredient.name);
  if (byCode !== undefined) {
    if (byName !== null && byName.key !== byCode.key) return { entry: byCode, matchedBy: 'code', nameSays: byName };
    return { entry: byCode, matchedBy: 'code' };
  }
  if (byName !== null) return { entry: byName, matchedBy: 'name' };
  return { entry: null, matchedBy: null };
}

export function ingredientByKey(key: string): IngredientEntry {
  const entry = BY_KEY.get(key);
  if (entry === undefined) throw new Error(`ingredientByKey: unknown ingredient key "${key}"`);
  return entry;
}

/** The classes present in an order (an order may hold an opioid and acetaminophen, or buprenorphine and naloxone). */
export function orderClasses(order: MedicationOrder): Set<DrugClass> {
  const classes = new Set<DrugClass>();
  for (const item of order.ingredients) {
    const entry = identifyIngredient(item.ingredient).entry;
    if (entry !== null) classes.add(entry.drugClass);
  }
  if (order.isOpioid === true) classes.add('opioid');
  return classes;
}

export type OrderClassIndex = ReadonlyMap<MedicationOrder, ReadonlySet<DrugClass>>;

/** The classes of every order, read once per evaluation. */
export function indexOrderClasses(orders: readonly MedicationOrder[]): OrderClassIndex {
  return new Map(orders.map((o) => [o, orderClasses(o)]));
}

export function isOpioidOrder(order: MedicationOrder): boolean {
  return orderClasses(order).has('opioid');
}

/** A naloxone product with no opioid in it (nasal spray, injection): the kind that reverses an overdose. */
export function isRescueNaloxoneOrder(order: MedicationOrder): boolean {
  const classes = orderClasses(order);
  if (classes.has('opioid')) return false;
  return order.ingredients.some((i) => identifyIngredient(i.ingredient).entry?.key === 'naloxone');
}

/** The readable names of the order's ingredients, e.g. "Oxycodone". */
export function orderName(order: MedicationOrder): string {
  return order.ingredients.map((i) => identifyIngredient(i.ingredient).entry?.name ?? i.ingredient.name).join(' / ');
}
