/**
 * "My medicines" for the portal: the person's active orders and their taper plan's next steps, in plain
 * words (reading grade 6 or below). Everything shown comes from stored records and the domain's own text
 * (describeDosage, the saved taper plan); no clinical figure is worked out here, and no MME or risk review
 * is shown (they are the care team's tools).
 *
 * Orders for opioid use disorder (the domain's isOudMedicationOrder: indication 'oud', or naltrexone) are
 * substance-use records. They are left out, together with a taper plan built from them, when the caller may
 * not read restricted records (canReadRestricted: a caregiver never may; the person always may).
 */
import { asOfDate, isOudMedicationOrder, isRescueNaloxoneOrder, type TaperDose, type TaperPlan, type TaperStep } from '../../domain/opioids';
import { listActiveMedicationOrderRows, listMedicationOrderRows, toMedicationOrder, type MedicationOrderRow } from '../../db/repositories/medications.repository';
import { listTaperPlans, type TaperPlanRow } from '../../db/repositories/taper-plans.repository';
import type { PatientRow } from '../../db/repositories/patients.repository';
import type { AppContext } from '../context';
import type { MyMedicinesView, MyMedicineView, MyTaperStepView } from './my-medicines.schema';
import { presentOrder } from './order-input';

const plural = (n: number, unit: string): string => (n === 1 || unit === 'mg' || unit === 'mcg' || unit === 'mL' ? unit : `${unit}s`);

function presentMedicine(row: MedicationOrderRow): MyMedicineView {
  const shown = presentOrder(row);
  const order = toMedicationOrder(row);
  const max = order.dosage.maxPerDay;
  return {
    id: row.id,
    name: shown.name,
    directions: shown.directionsSummary,
    onlyWhenNeeded: order.dosage.asNeeded === true,
    mostPerDay: max ? `${max.amount} ${plural(max.amount, max.unit)}` : null,
    prescriber: row.prescriber,
    since: row.startDate,
    rescue: isRescueNaloxoneOrder(order),
  };
}

function tabletWords(dose: TaperDose): string {
  return dose.tablets.map((t) => `${t.count} ${t.count === 1 ? 'tablet' : 'tablets'} of ${t.strengthMg} mg`).join(' and ');
}

/**
 * One dose of a saved step in words: "oxycodone 15 mg a day in all". The saved plan also shows one way to
 * make that amount from whole tablets (the fewest tablets), which is the prescriber's working, not how to
 * take it: the person may hold other tablets, taken at other times. So the portal gives the daily amount and
 * leaves the tablets to the prescription (the card says so once), except for an every-other-day step, which
 * is one tablet.
 */
function doseWords(dose: TaperDose): string {
  if (dose.mgPerDay === 0) return `stop taking ${dose.name}`;
  if (dose.everyOtherDay) return `${dose.name}: ${tabletWords(dose) || `${dose.mgPerDay} mg a day on average`} every other day`;
  return `${dose.name} ${dose.mgPerDay} mg a day in all`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function taperStepWords(step: TaperStep): string {
  switch (step.kind) {
    case 'pause':
      return `Stay on the same dose for ${step.pauseDays ?? 0} more days.`;
    case 'stop':
      return step.doses.length === 0 ? 'Stop taking this medicine.' : `Stop taking ${step.doses.map((d) => d.name).join(' and ')}.`;
    case 'reduce':
    case 'lengthen-interval':
      return `${capitalise(step.doses.map(doseWords).join('; '))}.`;
    default: {
      const unknown: never = step.kind;
      return String(unknown);
    }
  }
}

/** The step in effect today (the last one started on or before today), then every step still to come. */
export function upcomingTaperSteps(plan: TaperPlan, today: string): MyTaperStepView[] {
  const started = plan.steps.filter((s) => s.startsOn <= today);
  const current = started[started.length - 1];
  const shown = [...(current ? [current] : []), ...plan.steps.filter((s) => s.startsOn > today)];
  return shown.map((s) => ({ startsOn: s.startsOn, kind: s.kind, current: s === current, words: taperStepWords(s) }));
}

async function taperFor(ctx: AppContext, patient: PatientRow, today: string, restrictedOk: boolean): Promise<MyMedicinesView['taper']> {
  const plans = await listTaperPlans(ctx.db, patient.orgId, patient.id);
  const active: TaperPlanRow | undefined = plans.find((p) => p.status === 'active');
  if (active === undefined) return null;
  if (!restrictedOk) {
    const planOrders = new Set(active.orderIds);
    const rows = await listMedicationOrderRows(ctx.db, patient.orgId, patient.id);
    if (rows.some((r) => planOrders.has(r.id) && isOudMedicationOrder(toMedicationOrder(r)))) return null;
  }
  const plan = active.plan as TaperPlan;
  return { startDate: active.startDate, steps: upcomingTaperSteps(plan, today) };
}

export async function myMedicines(ctx: AppContext, patient: PatientRow, restrictedOk: boolean): Promise<MyMedicinesView> {
  const asOf = ctx.clock();
  const today = asOfDate(asOf);
  const rows = await listActiveMedicationOrderRows(ctx.db, patient.orgId, patient.id, asOf);
  const shown = rows.filter((r) => restrictedOk || !isOudMedicationOrder(toMedicationOrder(r)));
  const medicines = shown.map(presentMedicine);
  return { asOf: today, medicines, naloxoneOnList: medicines.some((m) => m.rescue), taper: await taperFor(ctx, patient, today, restrictedOk) };
}
