/**
 * The starting point of a taper: the daily amount of each opioid ingredient in the current regimen.
 *
 * Source: daily-dose.ts (the same reading as the MME calculator); reference 1.3.1 (buprenorphine), 2.1–2.2
 * and CDC 2022 Rec 12 (with opioid use disorder, offer medication rather than a taper alone) [V].
 *
 * Assumptions:
 * - Orders in effect on `asOf` (drafts included) make up the regimen; orders of the same ingredient add up,
 *   so a long-acting and a short-acting oxycodone become one daily oxycodone amount (how to split it between
 *   products stays the prescriber's choice).
 * - As-needed orders start from the most they allow (as for MME), with a note to enter actual use instead.
 * - Not planned here, each with a warning: buprenorphine, medication for opioid use disorder, patches
 *   (patch strengths and changes need individual planning), and ingredients without a strengths table.
 */
import type { Issue } from '../issues';
import { isInEffectOn } from './active-orders';
import { dailyIngredientAmount } from './daily-dose';
import { identifyIngredient } from './ingredients';
import { strengthsFor, type StrengthRow } from './strength-table';
import type { MedicationOrder } from './types';

export interface RegimenIngredient {
  key: string;
  name: string;
  mgPerDay: number;
  strengths: StrengthRow;
  orderIds: string[];
}

export function readRegimen(orders: readonly MedicationOrder[], today: string): { ingredients: RegimenIngredient[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const byKey = new Map<string, RegimenIngredient>();
  orders.forEach((order, index) => {
    if (!isInEffectOn(order, today, true)) return;
    const path = `regimen[${index}]`;
    const opioids = order.ingredients.filter((i) => identifyIngredient(i.ingredient).entry?.drugClass === 'opioid');
    for (const item of opioids) {
      const entry = identifyIngredient(item.ingredient).entry;
      if (entry === null) continue;
      const warn = (code: string, message: string): void => {
        issues.push({ code, message, severity: 'warning', path });
      };
      if (entry.partialAgonist === true) {
        warn('taper.buprenorphine-not-planned', `${entry.name} is not planned here: buprenorphine dose changes need individual planning.`);
        continue;
      }
      if (order.indication === 'oud') {
        warn('taper.oud-medication-not-planned', `${entry.name} is medication for opioid use disorder: continuing it is usually safer than a taper; it is not planned here (CDC 2022 Rec 12).`);
        continue;
      }
      if (order.form === 'patch' || order.dosage.route === 'transdermal') {
        warn('taper.patch-not-planned', `${entry.name} patch steps depend on the patch strengths available and are not planned here; plan them individually.`);
        continue;
      }
      const strengths = strengthsFor(entry.key);
      if (strengths === null) {
        warn('taper.no-strengths', `There is no strengths table for ${entry.name}, so its steps cannot be rounded to real tablets; plan them individually.`);
        continue;
      }
      const daily = dailyIngredientAmount(order, item, opioids.length, path);
      issues.push(...daily.issues);
      if (!daily.ok) {
        warn('taper.dose-unknown', `The daily amount of ${entry.name} could not be read: ${daily.reason}`);
        continue;
      }
      if (order.dosage.asNeeded) {
        issues.push({ code: 'taper.as-needed-at-maximum', message: `${entry.name} is taken as needed: the plan starts from the most the order allows (${daily.value.amount} mg/day). If less is taken, start from that.`, severity: 'info', path });
      }
      const existing = byKey.get(entry.key);
      if (existing === undefined) {
        byKey.set(entry.key, { key: entry.key, name: entry.name, mgPerDay: daily.value.amount, strengths, orderIds: [order.id] });
      } else {
        existing.mgPerDay += daily.value.amount;
        existing.orderIds.push(order.id);
      }
    }
  });
  return { ingredients: [...byKey.values()], issues };
}
