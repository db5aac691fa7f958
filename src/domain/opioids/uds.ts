/**
 * Urine drug test reconciliation against the medication list: each substance expected-and-found,
 * expected-but-absent, or unexpected; anything not expected suggests a conversation.
 *
 * Source: CDC 2022 Rec 10 [V] (consider toxicology testing for prescribed and non-prescribed controlled
 * substances) and reference 1.8 [V] (Rec 9 and 10 warn against dismissing patients; reference 2.1: do not
 * dismiss for PDMP or toxicology results). The issue: "a result is a starting point for a conversation",
 * never an automatic consequence. Substance data: uds-substances.ts [U].
 *
 * Assumptions:
 * - A result is compared with the orders in effect on its collection day (an order with an end date counts
 *   up to that day whatever its status now; one without an end date counts while active or on hold).
 * - A substance not in the table is matched to ingredients by name; a positive result that matches no
 *   order is unexpected.
 * - A negative result for a medicine taken as needed is still "expected but absent", with a note that it
 *   may not have been taken in the days before the test.
 * - "Expected but not tested": an opioid or benzodiazepine in effect that no result covers is listed (info),
 *   so a panel that could not see it is not read as reassurance.
 * - Results are never interpreted as misuse; the output has no consequence, only a suggested conversation.
 */
import type { Issue } from '../issues';
import { asOfDate, isCalendarDate } from './dates';
import { identifyIngredient, orderName } from './ingredients';
import { SOURCES } from './sources';
import { findUdsSubstance, type UdsSubstance } from './uds-substances';
import type { MedicationOrder, SourceRef } from './types';

export interface UdsResult {
  substance: string;
  result: 'positive' | 'negative' | 'inconclusive';
  /** YYYY-MM-DD. */
  collectedOn: string;
  method?: 'screen' | 'confirmatory';
}

export type UdsLineStatus = 'expected-found' | 'expected-absent' | 'unexpected' | 'not-found' | 'inconclusive' | 'expected-not-tested';

export interface ConversationSuggestion {
  kind: 'conversation';
  title: string;
  message: string;
  sources: SourceRef[];
}

export interface UdsLine {
  substance: string;
  collectedOn: string;
  status: UdsLineStatus;
  /** Orders that explain (or would explain) the substance. */
  orderIds: string[];
  notes: string[];
  conversation: ConversationSuggestion | null;
}

export interface UdsReconciliation {
  lines: UdsLine[];
  needsConversation: boolean;
  issues: Issue[];
}

const START =
  'A result is a starting point for a conversation, not a conclusion, and never a reason on its own to stop care.';

function conversation(status: 'unexpected' | 'expected-absent', label: string): ConversationSuggestion {
  const ask =
    status === 'unexpected'
      ? `Ask openly about ${label}: other prescriptions, over-the-counter products, and anything else taken recently.`
      : `Ask how ${label} is being taken, whether doses were missed or saved, and about side effects or pain control.`;
  return {
    kind: 'conversation',
    title: status === 'unexpected' ? `Talk about the ${label} result` : `Talk about how ${label} is taken`,
    message: `${START} ${ask} A screening result can be confirmed by a laboratory test before any change to the plan.`,
    sources: [SOURCES.cdc22Rec10],
  };
}

function inEffectOn(order: MedicationOrder, day: string): boolean {
  const status = order.status ?? 'active';
  if (status === 'entered-in-error' || status === 'draft') return false;
  if (order.start !== undefined && order.start > day) return false;
  if (order.end !== undefined) return order.end >= day;
  return status === 'active' || status === 'on-hold';
}

function ingredientKeys(order: MedicationOrder): Array<{ key: string | null; name: string; drugClass: string | null }> {
  return order.ingredients.map((i) => {
    const entry = identifyIngredient(i.ingredient).entry;
    return { key: entry?.key ?? null, name: i.ingredient.name.toLowerCase(), drugClass: entry?.drugClass ?? null };
  });
}

function explains(order: MedicationOrder, substance: UdsSubstance | null, name: string): boolean {
  return ingredientKeys(order).some(
    (i) =>
      (substance !== null &&
        ((i.key !== null && substance.explainedBy.includes(i.key)) ||
          (i.drugClass !== null && (substance.explainedByClass as readonly string[] | undefined)?.includes(i.drugClass) === true))) ||
      (substance === null ? i.name.includes(name) : substance.aliases.some((a) => a.length >= 4 && i.name.includes(a))),
  );
}

export function reconcileUds(input: { results: readonly UdsResult[]; orders: readonly MedicationOrder[]; asOf: Date }): UdsReconciliation {
  const today = asOfDate(input.asOf);
  const issues: Issue[] = [];
  const lines: UdsLine[] = [];
  const byDay = new Map<string, UdsSubstance[]>();

  input.results.forEach((result, index) => {
    const path = `results[${index}]`;
    if (!isCalendarDate(result.collectedOn)) {
      issues.push({ code: 'uds.date-invalid', message: 'The collection date is not a calendar date (YYYY-MM-DD); the result was not read.', severity: 'error', path });
      return;
    }
    if (result.collectedOn > today) {
      issues.push({ code: 'uds.result-after-as-of', message: `The result is dated ${result.collectedOn}, after ${today}; please check the date.`, severity: 'warning', path });
    }
    const name = result.substance.trim().toLowerCase();
    const substance = findUdsSubstance(name);
    if (substance === null) {
      issues.push({ code: 'uds.unknown-substance', message: `"${result.substance}" is not in the substance table; it was matched to the list by name only.`, severity: 'info', path });
    }
    const day = result.collectedOn;
    if (substance !== null) byDay.set(day, [...(byDay.get(day) ?? []), substance]);
    const inEffect = input.orders.filter((o) => inEffectOn(o, day));
    const explaining = inEffect.filter((o) => explains(o, substance, name));
    const label = substance?.label ?? result.substance;
    const notes: string[] = [];
    let status: UdsLineStatus;
    if (result.result === 'inconclusive') {
      status = 'inconclusive';
      notes.push('Inconclusive: a repeat or confirmatory laboratory test can settle it.');
    } else if (result.result === 'positive') {
      status = explaining.length > 0 ? 'expected-found' : 'unexpected';
      if (status === 'unexpected') {
        const parents = inEffect.filter((o) => ingredientKeys(o).some((i) => i.key !== null && (substance?.metaboliteOf ?? []).includes(i.key)));
        for (const o of parents) notes.push(`${label} can be a breakdown product of ${orderName(o)}, which is on the list.`);
        const ended = input.orders.filter((o) => o.end !== undefined && o.end < day && explains(o, substance, name));
        for (const o of ended) notes.push(`An order for ${orderName(o)} ended on ${o.end ?? ''}.`);
      }
    } else {
      status = explaining.length > 0 ? 'expected-absent' : 'not-found';
      if (explaining.some((o) => o.dosage.asNeeded)) notes.push('Taken as needed: it may not have been taken in the days before the test.');
      if (substance?.key === 'opiates') notes.push('Opiate screens detect some opioids poorly; a specific test can clarify.');
    }
    if (result.method === 'screen' && (status === 'unexpected' || status === 'expected-absent')) notes.push('This was a screening test.');
    lines.push({
      substance: label,
      collectedOn: day,
      status,
      orderIds: explaining.map((o) => o.id),
      notes,
      conversation: status === 'unexpected' || status === 'expected-absent' ? conversation(status, label) : null,
    });
  });

  for (const [day, tested] of byDay) {
    for (const order of input.orders.filter((o) => inEffectOn(o, day))) {
      for (const ingredient of ingredientKeys(order)) {
        if (ingredient.key === null || (ingredient.drugClass !== 'opioid' && ingredient.drugClass !== 'benzodiazepine')) continue;
        const covered = tested.some((t) => t.explainedBy.includes(ingredient.key ?? '') || t.explainedByClass?.includes(ingredient.drugClass as 'benzodiazepine') === true);
        if (covered || lines.some((l) => l.status === 'expected-not-tested' && l.collectedOn === day && l.orderIds.includes(order.id))) continue;
        lines.push({
          substance: orderName(order),
          collectedOn: day,
          status: 'expected-not-tested',
          orderIds: [order.id],
          notes: ['On the list, but no result on this day covers it; the panel may not test for it.'],
          conversation: null,
        });
      }
    }
  }
  return { lines, needsConversation: lines.some((l) => l.conversation !== null), issues };
}
