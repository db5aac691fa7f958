/**
 * Suggestions for reconciling one medication list across prescribers: possible duplicates and overlaps.
 *
 * Source: issue "Medications and opioid safety" (one list across all prescribers; reconcile duplicates and
 * conflicts — suggest, the clinician decides); reference 1.3 note that every order counts in the MME total,
 * identical ones too, so a duplicate left on the list is counted twice.
 *
 * Assumptions (our choices):
 * - Two orders in effect on the day that share an ingredient are a suggestion to look at, never merged.
 * - Kinds: 'same-ingredient-two-prescribers' (different named prescribers), 'duplicate' (same prescriber or
 *   none named, same form and strength), 'overlap' (same ingredient otherwise, e.g. an old and a new order).
 * - Only orders that are active (or draft) and in effect on `asOf` are compared.
 */
import { isInEffectOn } from './active-orders';
import { asOfDate } from './dates';
import { identifyIngredient, orderName } from './ingredients';
import type { MedicationOrder } from './types';

export interface ReconcilableOrder extends MedicationOrder {
  prescriber?: string;
}

export type ReconciliationKind = 'same-ingredient-two-prescribers' | 'duplicate' | 'overlap';

export interface ReconciliationSuggestion {
  code: `reconcile.${ReconciliationKind}`;
  kind: ReconciliationKind;
  ingredient: string;
  orderIds: [string, string];
  message: string;
  suggestion: string;
}

const keyOf = (code: string, name: string): string => identifyIngredient({ code, name }).entry?.key ?? name.trim().toLowerCase();

function strengthKey(order: MedicationOrder): string {
  return `${order.form}|${order.ingredients.map((i) => `${i.strength.amount}${i.strength.unit}/${i.strength.per ?? 1}`).join('+')}`;
}

function kindOf(a: ReconcilableOrder, b: ReconcilableOrder): ReconciliationKind {
  const pa = a.prescriber?.trim().toLowerCase() ?? '';
  const pb = b.prescriber?.trim().toLowerCase() ?? '';
  if (pa !== '' && pb !== '' && pa !== pb) return 'same-ingredient-two-prescribers';
  return strengthKey(a) === strengthKey(b) ? 'duplicate' : 'overlap';
}

const WORDS: Readonly<Record<ReconciliationKind, (name: string, a: ReconcilableOrder, b: ReconcilableOrder) => [string, string]>> = {
  'same-ingredient-two-prescribers': (name, a, b) => [
    `${name} is on the list from two prescribers (${a.prescriber ?? ''} and ${b.prescriber ?? ''}).`,
    'Check with the person and both prescribers which order is current; both are counted in the total until one is stopped or marked as entered in error.',
  ],
  duplicate: (name) => [
    `${name} is on the list twice with the same form and strength.`,
    'If this is the same prescription entered twice, mark one as entered in error; both are counted in the total until then.',
  ],
  overlap: (name) => [
    `${name} is on the list in two orders that are both in effect.`,
    'If one replaces the other, stop the older one; if both are meant to be taken (for example long-acting and as-needed), nothing needs to change.',
  ],
};

export function suggestReconciliation(orders: readonly ReconcilableOrder[], asOf: Date): ReconciliationSuggestion[] {
  const day = asOfDate(asOf);
  const inEffect = orders.filter((o) => isInEffectOn(o, day, true));
  const out: ReconciliationSuggestion[] = [];
  for (let i = 0; i < inEffect.length; i += 1) {
    for (let j = i + 1; j < inEffect.length; j += 1) {
      const a = inEffect[i] as ReconcilableOrder;
      const b = inEffect[j] as ReconcilableOrder;
      const keysA = new Set(a.ingredients.map((x) => keyOf(x.ingredient.code, x.ingredient.name)));
      const shared = b.ingredients.find((x) => keysA.has(keyOf(x.ingredient.code, x.ingredient.name)));
      if (shared === undefined) continue;
      const kind = kindOf(a, b);
      const [message, suggestion] = WORDS[kind](orderName({ ...a, ingredients: [shared] }), a, b);
      out.push({ code: `reconcile.${kind}`, kind, ingredient: shared.ingredient.name, orderIds: [a.id, b.id], message, suggestion });
    }
  }
  return out;
}
