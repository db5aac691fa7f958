/**
 * The opioid-safety evaluation behind the CDS Hooks services: the orders in effect with the draft orders
 * applied, then the opioid core (MME, risk review, monitoring, regimen change) turned into cards.
 *
 * Sources: src/domain/opioids (every rule and figure, with its own sources); CDC 2022 Rec 3 (immediate-release
 * when starting), Rec 4 (the 50 MME/day "pause and reassess before increasing" guidepost), Rec 5 (no abrupt
 * stop or rapid cut), Rec 7 (review within 1–4 weeks of a start or increase), Rec 8 (naloxone), Rec 9 (PDMP),
 * Rec 10 (toxicology), Rec 11 (co-prescribing), Rec 12 (medication for opioid use disorder); the CDC opioid CDS implementation guide
 * (cqframework/opioid-cds-r4): order hooks fire for opioid orders, co-prescribing cards when both are present.
 *
 * Assumptions (ours):
 * - Order hooks answer only when a selected draft order is an opioid or a sedating medicine named by Rec 11
 *   (or stops an opioid), and only when an opioid is on the list with the drafts applied; otherwise no cards.
 *   At order-select only the drafts named in `selections` trigger (so choosing an unrelated medicine beside
 *   a pending opioid draft does not repeat the opioid cards); every draft, selected or not, is part of the
 *   regimen the cards describe, because all of them are about to be signed. At order-sign every draft is
 *   selected.
 * - For monitoring, draft orders count as active (they are about to be signed).
 * - The MME card is info; it is a warning only when the drafts raise the total to the reassess guidepost or
 *   above (Rec 4 applies to starting or increasing, never to a dose that is not changing).
 */
import type { Issue } from '../../domain/issues';
import {
  assessRegimenChange,
  calculateMme,
  identifyIngredient,
  isOpioidOrder,
  monitoringDue,
  oudTreatmentFinding,
  reviewOpioidStart,
  reviewRisk,
  type DrugClass,
  type MedicationOrder,
  type MonitoringItem,
  type OpioidSettings,
  type RiskHistory,
} from '../../domain/opioids';
import { abruptCard, dataCard, mmeCard, monitoringCard, naloxoneSuggestion, summaryCard } from './cds-card-builders';
import { findingCard, type CdsCard, type CdsLink } from './cds-cards';
import type { DraftOrder } from './cds-input';

export type CdsHook = 'patient-view' | 'order-select' | 'order-sign';

export interface EvaluationInput {
  hook: CdsHook;
  /** The patient id as the client knows it (for suggested orders). */
  patientId: string;
  activeOrders: MedicationOrder[];
  drafts: DraftOrder[];
  history: RiskHistory;
  lastPdmpCheck?: string;
  lastUds?: string;
  settings: OpioidSettings;
  asOf: Date;
  /** What was missing or not usable, in words. */
  dataNotes: string[];
  /** Neither prefetch nor stored records gave a medication list. */
  medicationListMissing: boolean;
  issues: Issue[];
  links: CdsLink[];
}

const SEDATIVES: ReadonlySet<DrugClass> = new Set(['benzodiazepine', 'gabapentinoid', 'muscle-relaxant', 'sleep-medication', 'other-sedative']);

function isSedative(order: MedicationOrder): boolean {
  return order.ingredients.some((i) => {
    const cls = identifyIngredient(i.ingredient).entry?.drugClass;
    return cls !== undefined && SEDATIVES.has(cls);
  });
}

/** The orders in effect once the drafts are signed: replaced orders out, drafts (not stopping) in. */
export function applyDrafts(active: readonly MedicationOrder[], drafts: readonly DraftOrder[]): { after: MedicationOrder[]; stopped: MedicationOrder[]; issues: Issue[] } {
  const ids = new Set(active.map((o) => o.id));
  const replaced = new Set(drafts.flatMap((d) => (d.replacesId !== null && ids.has(d.replacesId) ? [d.replacesId] : [])));
  const issues: Issue[] = [];
  const after = active.filter((o) => !replaced.has(o.id));
  for (const d of drafts) {
    if (d.stops && (d.replacesId === null || !ids.has(d.replacesId))) {
      issues.push({ code: 'cds.stop-without-order', message: `Draft ${d.order.id} stops an order that is not on the list (${d.replacesId ?? 'no priorPrescription'}); it was not used.`, severity: 'warning' });
    }
    if (!d.stops) after.push(d.order);
  }
  const stopped = active.filter((o) => drafts.some((d) => d.stops && d.replacesId === o.id));
  return { after, stopped, issues };
}

function monitoringItems(input: EvaluationInput, orders: readonly MedicationOrder[], mme: ReturnType<typeof calculateMme>): MonitoringItem[] {
  const asActive = orders.map((o) => (o.status === 'draft' ? { ...o, status: 'active' as const } : o));
  return monitoringDue({
    orders: asActive,
    asOf: input.asOf,
    mme,
    settings: input.settings,
    ...(input.lastPdmpCheck === undefined ? {} : { lastPdmpCheck: input.lastPdmpCheck }),
    ...(input.lastUds === undefined ? {} : { lastUds: input.lastUds }),
  }).items.filter((i) => i.kind !== 'benefit-risk-review');
}

export function evaluateOpioidCds(input: EvaluationInput): CdsCard[] {
  const opts = { factorSet: input.settings.factorSet, asOf: input.asOf };
  if (input.hook === 'patient-view') {
    if (!input.activeOrders.some(isOpioidOrder)) {
      // No opioid: only Rec 12 (opioid use disorder without its medication) and missing data can apply.
      const oud = oudTreatmentFinding(input.activeOrders, input.history, input.asOf);
      const data = input.medicationListMissing ? dataCard(input.dataNotes, input.issues) : null;
      return [...(oud === null ? [] : [findingCard(oud, 'oud-treatment')]), ...(data === null ? [] : [data])];
    }
    const mme = calculateMme(input.activeOrders, opts);
    const risk = reviewRisk({ orders: input.activeOrders, mme, history: input.history, asOf: input.asOf, settings: input.settings });
    const monitoring = monitoringItems(input, input.activeOrders, mme);
    const cards = [summaryCard({ mme, risk, monitoring, patientId: input.patientId, links: input.links })];
    const data = dataCard(input.dataNotes, input.issues);
    return data === null ? cards : [...cards, data];
  }

  const relevant = input.drafts.some((d) => d.selected && (isOpioidOrder(d.order) || isSedative(d.order)));
  if (!relevant) return [];
  const applied = applyDrafts(input.activeOrders, input.drafts);
  const issues = [...input.issues, ...applied.issues];
  if (!applied.after.some(isOpioidOrder) && !applied.stopped.some(isOpioidOrder)) return [];

  const before = calculateMme(input.activeOrders, opts);
  const mme = calculateMme(applied.after, opts);
  const risk = reviewRisk({ orders: applied.after, mme, history: input.history, asOf: input.asOf, settings: input.settings });
  const cards: CdsCard[] = [];
  const increasing = mme.totalMmePerDayUnrounded > before.totalMmePerDayUnrounded + 1e-9;
  const guidepost = risk.findings.find((f) => f.code === 'risk.mme-pause-and-reassess');
  if (applied.after.some(isOpioidOrder)) cards.push(mmeCard({ mme, before, guidepost: increasing ? guidepost : undefined, settings: input.settings }));

  const change = assessRegimenChange({
    before: input.activeOrders,
    after: applied.after,
    asOf: input.asOf,
    settings: input.settings,
    totals: { beforeMmePerDay: before.totalMmePerDayUnrounded, afterMmePerDay: mme.totalMmePerDayUnrounded },
  });
  if (change?.flagged === true) cards.push(abruptCard(change));
  for (const finding of reviewOpioidStart({ before: input.activeOrders, after: applied.after, totals: { beforeMmePerDay: before.totalMmePerDay, afterMmePerDay: mme.totalMmePerDay }, asOf: input.asOf, settings: input.settings })) {
    cards.push(findingCard(finding, finding.code === 'start.long-acting' ? 'immediate-release' : 'follow-up'));
  }

  for (const finding of risk.findings) {
    if (finding.code.startsWith('risk.opioid-with-')) cards.push(findingCard(finding, 'co-prescribing'));
    else if (finding.code === 'risk.sleep-disordered-breathing') cards.push(findingCard(finding, 'sleep-disordered-breathing'));
    else if (finding.code === 'risk.oud-medication-offer') cards.push(findingCard(finding, 'oud-treatment'));
    else if (finding.code === 'risk.naloxone-offer' || finding.code === 'risk.naloxone-discuss') {
      cards.push(findingCard(finding, 'naloxone', { suggestions: [naloxoneSuggestion(input.patientId)] }));
    }
  }
  for (const item of monitoringItems(input, applied.after, mme)) {
    const c = monitoringCard(item);
    if (c !== null) cards.push(c);
  }
  const data = dataCard(input.dataNotes, issues);
  if (data !== null) cards.push(data);
  return cards;
}
