/**
 * Daily MME per order and in total, with a named factor set.
 *
 * Source: reference 1.3.1 (CDC 2022 table, default) and 1.3.2 (CDC 2016 table) [V]; 1.5 (how the public CQL
 * computes daily dose and MME) [V]; the buprenorphine rule of 1.3.1 (not in the table; not counted in total
 * MME/day) [V draft / S final]; OUD medicines are not compared with pain guideposts (1.3.3, 2018 file) [V].
 *
 * Assumptions:
 * - Every order counts, even when two orders are identical (the public CQL sums distinct MME values, so it
 *   counts two equal orders once; ours counts both and adds an info issue "possible duplicate").
 * - An opioid order without a factor, or whose daily amount cannot be read, is listed with its reason and
 *   never counted as zero silently; `complete` is then false and the total is a lower bound.
 * - Rounding: each line's MME/day is rounded to one decimal place, halves up; the total is the sum of the
 *   unrounded line values, rounded the same way (the public CQL rounds per ingredient and then sums).
 * - Orders stopped, completed, on hold or entered in error are excluded with a reason; drafts count (an order
 *   being written is exactly what a prescriber wants checked). With `asOf`, orders that ended before or
 *   start after that day are excluded too; without it dates are not read (a stateless calculator).
 */
import type { Issue } from '../issues';
import { dailyIngredientAmount, type DailyAmount } from './daily-dose';
import { asOfDate } from './dates';
import { describeFactorSet, getFactorSet, lookupFactor, type FactorSet } from './factor-sets';
import { identifyIngredient, orderName } from './ingredients';
import type { IngredientEntry } from './ingredient-table';
import type { FactorSetId } from './settings';
import type { MedicationOrder, RxNormIngredient, Tag } from './types';

export type MmeLineStatus = 'counted' | 'not-summed' | 'no-factor' | 'not-computable';

export interface MmeLine {
  orderId: string;
  orderName: string;
  ingredient: RxNormIngredient;
  status: MmeLineStatus;
  dailyDose: { amount: number; unit: 'mg/day' | 'mcg/hr' } | null;
  factor: number | null;
  /** The factor row (and tier) used, e.g. 'Methadone (by daily dose) 41–60 mg/day'. */
  factorRow: string | null;
  mmePerDay: number | null;
  mmePerDayUnrounded: number | null;
  basis: string[];
  /** Why the line is not in the total (status other than 'counted'). */
  reason: string | null;
  reasonCode: string | null;
}

export interface MmeResult {
  factorSet: { id: FactorSetId; name: string; version: string; source: string; tag: Tag; label: string };
  totalMmePerDay: number;
  totalMmePerDayUnrounded: number;
  /** False when an opioid order has no factor or no readable daily amount: the total is then a lower bound. */
  complete: boolean;
  lines: MmeLine[];
  excluded: Array<{ orderId: string; reason: string }>;
  rounding: string;
  issues: Issue[];
}

export interface MmeOptions {
  factorSet?: FactorSetId | FactorSet;
  asOf?: Date;
}

export const MME_ROUNDING =
  'Each order is rounded to one decimal place (halves up); the total is the sum of the unrounded order values, rounded the same way.';

/** One decimal, halves up; the 1e-9 absorbs binary noise (0.15 × 7 = 1.0499999999999998 → 1.1). */
export function roundMme(value: number): number {
  return Math.round(value * 10 + 1e-9) / 10;
}

const EXCLUDED_STATUS: Readonly<Record<string, string>> = {
  stopped: 'stopped',
  completed: 'completed',
  'on-hold': 'on hold',
  'entered-in-error': 'entered in error',
};

function exclusion(order: MedicationOrder, today: string | null): string | null {
  const status = order.status ?? 'active';
  const label = EXCLUDED_STATUS[status];
  if (label !== undefined) return `The order is ${label}.`;
  if (today !== null && order.end !== undefined && order.end < today) return `The order ended on ${order.end}.`;
  if (today !== null && order.start !== undefined && order.start > today) return `The order starts on ${order.start}.`;
  return null;
}

interface Pending {
  line: MmeLine;
  entry: IngredientEntry | null;
  amount: DailyAmount | null;
}

const BUPRENORPHINE_REASON =
  'Buprenorphine is shown but not added to the total: it is a partial agonist whose effect levels off at higher doses, it is not in the CDC clinical tables, and CDC advises not counting it in total MME/day (CDC 2022 table note and Rec 9 text).';
const OUD_REASON =
  'This order is medication for opioid use disorder: it is shown but not added to the total, because MME guideposts for pain do not apply to it (CDC MME file notes).';

function noFactorReason(set: FactorSet, name: string, route: string, form: string, otherRoutes: readonly string[] | null): string {
  if (otherRoutes !== null) {
    return `${set.name} gives a factor for ${name} only by the ${otherRoutes.join(' or ')} route; a ${route} ${form} is not covered. It is listed, not counted, so the total leaves it out.`;
  }
  return `${set.name} has no conversion factor for ${name}. It is listed, not counted, so the total leaves it out.`;
}

export function calculateMme(orders: readonly MedicationOrder[], options: MmeOptions = {}): MmeResult {
  const set = typeof options.factorSet === 'object' ? options.factorSet : getFactorSet(options.factorSet ?? 'cdc-2022');
  const today = options.asOf === undefined ? null : asOfDate(options.asOf);
  const issues: Issue[] = [];
  const excluded: MmeResult['excluded'] = [];
  const pending: Pending[] = [];

  orders.forEach((order, index) => {
    const path = `orders[${index}]`;
    const matches = order.ingredients.map((item) => ({ item, match: identifyIngredient(item.ingredient) }));
    const opioidItems = matches.filter((m) => m.match.entry?.drugClass === 'opioid');
    if (opioidItems.length === 0 && order.isOpioid === true && matches[0] !== undefined) opioidItems.push(matches[0]);
    if (opioidItems.length === 0) return;
    const reason = exclusion(order, today);
    if (reason !== null) {
      excluded.push({ orderId: order.id, reason });
      return;
    }
    for (const { item, match } of opioidItems) {
      if (match.nameSays !== undefined && match.entry !== null) {
        const message = `The RxNorm code ${item.ingredient.code} is ${match.entry.name} but the name says "${item.ingredient.name}"; the code was used.`;
        issues.push({ code: 'mme.ingredient-code-name-mismatch', message, severity: 'warning', path });
      }
      const line: MmeLine = {
        orderId: order.id,
        orderName: orderName(order),
        ingredient: item.ingredient,
        status: 'counted',
        dailyDose: null,
        factor: null,
        factorRow: null,
        mmePerDay: null,
        mmePerDayUnrounded: null,
        basis: [],
        reason: null,
        reasonCode: null,
      };
      const daily = dailyIngredientAmount(order, item, opioidItems.length, path);
      issues.push(...daily.issues);
      let amount: DailyAmount | null = null;
      if (daily.ok) {
        amount = daily.value;
        line.dailyDose = { amount: daily.value.amount, unit: daily.value.unit };
        line.basis = daily.value.basis;
      }
      const entry = match.entry;
      if (entry?.partialAgonist === true) {
        Object.assign(line, { status: 'not-summed', reason: BUPRENORPHINE_REASON, reasonCode: 'mme.buprenorphine-not-summed' });
      } else if (order.indication === 'oud') {
        Object.assign(line, { status: 'not-summed', reason: OUD_REASON, reasonCode: 'mme.oud-medication-not-summed' });
      } else if (entry === null) {
        const why = `${item.ingredient.name} is marked as an opioid but is not in Painpath's ingredient table, so no factor could be found. It is listed, not counted.`;
        Object.assign(line, { status: 'no-factor', reason: why, reasonCode: 'mme.unrecognised-opioid' });
      } else if (!daily.ok) {
        Object.assign(line, { status: 'not-computable', reason: daily.reason, reasonCode: daily.code });
      }
      pending.push({ line, entry, amount });
    }
  });

  // 2016 methadone tiers follow the person's total methadone mg/day (see factors-cdc-2016.ts).
  const methadone = pending.filter((p) => p.line.status === 'counted' && p.entry?.key === 'methadone' && p.amount?.unit === 'mg/day');
  const methadoneMgPerDay = methadone.reduce((sum, p) => sum + (p.amount?.amount ?? 0), 0);

  for (const p of pending) {
    const { line, entry, amount } = p;
    if (line.status !== 'counted' || entry === null || amount === null) continue;
    const tierDose = entry.key === 'methadone' ? methadoneMgPerDay : amount.amount;
    const found = lookupFactor(set, entry.key, amount.route, tierDose);
    if (!found.found) {
      const otherRoutes = found.rowForOtherRoute?.routes ?? null;
      const form = orders.find((o) => o.id === line.orderId)?.form ?? 'product';
      Object.assign(line, {
        status: 'no-factor',
        reason: noFactorReason(set, entry.name, amount.route, form, otherRoutes),
        reasonCode: 'mme.no-conversion-factor',
      });
      continue;
    }
    line.factor = found.factor;
    line.factorRow = found.tierLabel === null ? found.row.label : `${found.row.label} ${found.tierLabel}`;
    if (found.row.note !== undefined) line.basis.push(found.row.note);
    if (entry.key === 'methadone' && found.tierLabel !== null) {
      line.basis.push(`Tier chosen from the total methadone dose, ${String(Number(methadoneMgPerDay.toPrecision(6)))} mg/day.`);
      if (found.between) {
        const message = `The methadone total (${methadoneMgPerDay} mg/day) falls outside the published whole-number ranges; the ${found.tierLabel} factor was used (see README).`;
        issues.push({ code: 'mme.methadone-between-tiers', message, severity: 'info' });
      }
    }
    line.mmePerDayUnrounded = amount.amount * found.factor;
    line.mmePerDay = roundMme(line.mmePerDayUnrounded);
  }
  if (methadone.length > 1 && set.rows.some((r) => r.ingredient === 'methadone' && r.tiers !== undefined)) {
    issues.push({ code: 'mme.methadone-tier-from-total', message: 'More than one methadone order: the factor tier was chosen from their combined daily dose.', severity: 'info' });
  }

  const lines = pending.map((p) => p.line);
  lines.forEach((line) => {
    if (line.status === 'counted' || line.reasonCode === null || line.reason === null) return;
    const severity = line.status === 'not-summed' ? 'info' : 'warning';
    const path = `orders[${orders.findIndex((o) => o.id === line.orderId)}]`;
    issues.push({ code: line.reasonCode, message: `${line.orderName}: ${line.reason}`, severity, path });
  });
  issues.push(...duplicateIssues(orders, lines));
  const totalUnrounded = lines.reduce((sum, l) => sum + (l.status === 'counted' ? (l.mmePerDayUnrounded ?? 0) : 0), 0);
  return {
    factorSet: { id: set.id, name: set.name, version: set.version, source: set.source, tag: set.tag, label: describeFactorSet(set) },
    totalMmePerDay: roundMme(totalUnrounded),
    totalMmePerDayUnrounded: totalUnrounded,
    complete: lines.every((l) => l.status === 'counted' || l.status === 'not-summed'),
    lines,
    excluded,
    rounding: MME_ROUNDING,
    issues,
  };
}

/** Ingredient codes, strengths, form and directions: equal keys = the same prescription written twice. */
function orderKey(order: MedicationOrder): string {
  const { dose, frequency: f, maxPerDay: max, timesOfDay } = order.dosage;
  let key = `${order.form}|${dose?.low}-${dose?.high}${dose?.unit}|${f?.count}-${f?.countMax}/${f?.period}-${f?.periodMax}${f?.periodUnit}|${max?.amount}${max?.unit}|${timesOfDay?.join(',')}`;
  for (const i of order.ingredients) key += `|${i.ingredient.code}:${i.strength.amount}${i.strength.unit}/${i.strength.per ?? 1}`;
  return key;
}

/** Two counted orders with the same ingredient, strength and directions may be one medicine listed twice. */
function duplicateIssues(orders: readonly MedicationOrder[], lines: readonly MmeLine[]): Issue[] {
  const counted = new Set(lines.filter((l) => l.status === 'counted').map((l) => l.orderId));
  const seen = new Map<string, string>();
  const issues: Issue[] = [];
  for (const order of orders) {
    if (!counted.has(order.id)) continue;
    const key = orderKey(order);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, order.id);
      continue;
    }
    const message = `Orders ${first} and ${order.id} look the same; both are counted. If one medicine is listed twice, reconcile the list.`;
    issues.push({ code: 'mme.possible-duplicate', message, severity: 'info' });
  }
  return issues;
}
