/**
 * Demo medications and opioid-safety records for four demo patients, so the medications page, the risk
 * review and the taper chart have something true-to-life to show:
 * - Robert "Bob" Jensen (Rural team): long-term extended-release oxycodone, 60 MME/day, with lorazepam at
 *   bedtime and no naloxone on the list; last PDMP check four months ago; a urine test that matched.
 * - Dmitri Volkov (North team): oxycodone since his injury 13 months ago (now 22.5 MME/day, down from 30), on a
 *   slow taper he asked for, with
 *   his agreement in his words, naloxone on the list and doses taken recorded at follow-ups.
 * - Kevin O'Brien (South team): buprenorphine-naloxone for opioid use disorder (listed, not summed in MME)
 *   and a naloxone nasal spray; recent PDMP check.
 * - Evelyn Harper (Rural team): a low-dose fentanyl patch with acetaminophen.
 * Directions go through the domain parser and MME, reconciliation and taper come from the domain, never
 * computed here. Dates are days before `asOf`. Person-first, plain words; everything fictional.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { parseDirections, planTaper, reconcileUds, type DoseForm, type MedicationOrder, type OrderIngredient, type UdsResult } from '../../domain/opioids';
import type { DbOrTx } from '../client';
import { insertMedicationOrder, toMedicationOrder, type MedicationOrderRow } from '../repositories/medications.repository';
import { insertPdmpCheck, insertUrineTest } from '../repositories/opioid-monitoring.repository';
import { insertActualDose, insertTaperPlan } from '../repositories/taper-plans.repository';
import { patients, users } from '../schema';
import { addDays } from './dates';

interface DemoOrder {
  mrn: string;
  ingredients: Array<[code: string, name: string, amount: number, unit: 'mg' | 'mcg' | 'mcg/hr']>;
  form: DoseForm;
  release?: 'immediate' | 'extended';
  directions: string;
  startDaysAgo: number;
  daysSupply: number;
  prescriber: string;
  pharmacy: string;
  indication?: 'pain' | 'oud';
}

const ORDERS: readonly DemoOrder[] = [
  { mrn: 'RB-100002', ingredients: [['7804', 'oxycodone', 20, 'mg']], form: 'tablet', release: 'extended', directions: '1 tablet by mouth every 12 hours', startDaysAgo: 1460, daysSupply: 30, prescriber: 'Dr. Lena Hoang', pharmacy: 'Alder Flats Pharmacy' },
  { mrn: 'RB-100002', ingredients: [['6470', 'lorazepam', 0.5, 'mg']], form: 'tablet', directions: '1 tablet by mouth at bedtime', startDaysAgo: 700, daysSupply: 30, prescriber: 'Dr. Samuel Ortiz (primary care)', pharmacy: 'Alder Flats Pharmacy' },
  { mrn: 'RB-100014', ingredients: [['7804', 'oxycodone', 5, 'mg']], form: 'tablet', directions: '1 tab po three times daily', startDaysAgo: 400, daysSupply: 30, prescriber: 'Dr. Adaeze Okafor', pharmacy: 'Millbrook Community Pharmacy' },
  { mrn: 'RB-100014', ingredients: [['7242', 'naloxone', 4, 'mg']], form: 'spray', directions: '1 spray in one nostril as needed for suspected overdose, may repeat in 2-3 minutes', startDaysAgo: 60, daysSupply: 30, prescriber: 'Dr. Adaeze Okafor', pharmacy: 'Millbrook Community Pharmacy' },
  { mrn: 'RB-100009', ingredients: [['1819', 'buprenorphine', 8, 'mg'], ['7242', 'naloxone', 2, 'mg']], form: 'film', directions: '1 film under the tongue twice daily', startDaysAgo: 1500, daysSupply: 14, prescriber: 'Dr. Lena Hoang', pharmacy: 'Riverbend Main Street Pharmacy', indication: 'oud' },
  { mrn: 'RB-100009', ingredients: [['7242', 'naloxone', 4, 'mg']], form: 'spray', directions: '1 spray in one nostril as needed for suspected overdose', startDaysAgo: 200, daysSupply: 30, prescriber: 'Dr. Lena Hoang', pharmacy: 'Riverbend Main Street Pharmacy' },
  { mrn: 'RB-100017', ingredients: [['4337', 'fentanyl', 12, 'mcg/hr']], form: 'patch', release: 'extended', directions: 'apply 1 patch every 72 hours', startDaysAgo: 300, daysSupply: 30, prescriber: 'Dr. Lena Hoang', pharmacy: 'Kestrel Point Drug' },
  { mrn: 'RB-100017', ingredients: [['161', 'acetaminophen', 500, 'mg']], form: 'tablet', directions: '1 tablet by mouth three times daily', startDaysAgo: 300, daysSupply: 30, prescriber: 'Dr. Lena Hoang', pharmacy: 'Kestrel Point Drug' },
];

const day = (d: Date): string => d.toISOString().slice(0, 10);

export async function seedDemoMedications(db: DbOrTx, options: { orgId: string; asOf: Date }): Promise<{ orders: number }> {
  const { orgId, asOf } = options;
  const mrns = [...new Set(ORDERS.map((o) => o.mrn))];
  const rows = await db.select({ id: patients.id, mrn: patients.mrn }).from(patients).where(and(eq(patients.orgId, orgId), inArray(patients.mrn, mrns)));
  const idOf = new Map(rows.map((r) => [r.mrn, r.id]));
  const staff = await db.select({ id: users.id, email: users.email, name: users.displayName }).from(users).where(eq(users.orgId, orgId));
  const who = (email: string): { id: string; name: string } => {
    const s = staff.find((u) => u.email === email);
    return { id: s?.id ?? 'demo-seed', name: s?.name ?? 'Demo clinician' };
  };
  const okafor = who('dr.okafor@riverbend.example');
  const hoang = who('lena.hoang@riverbend.example');
  const stored: MedicationOrderRow[] = [];
  for (const o of ORDERS) {
    const patientId = idOf.get(o.mrn);
    if (patientId === undefined) continue;
    const { directions } = parseDirections(o.directions);
    const { text: _text, unparsed: _unparsed, reasonText: _reason, ...dosage } = directions;
    const ingredients: OrderIngredient[] = o.ingredients.map(([code, name, amount, unit]) => ({ ingredient: { code, name }, strength: { amount, unit } }));
    const first = ingredients[0] as OrderIngredient;
    stored.push(
      await insertMedicationOrder(
        db,
        {
          orgId, patientId, ingredientCode: first.ingredient.code, ingredientName: first.ingredient.name, ingredients, form: o.form, release: o.release ?? 'immediate',
          route: dosage.route ?? null, dosage, directionsText: o.directions, daysSupply: o.daysSupply, prescriber: o.prescriber, pharmacy: o.pharmacy,
          startDate: day(addDays(asOf, -o.startDaysAgo)), endDate: null, status: 'active', indication: o.indication ?? 'pain', source: 'entered', sourceId: null,
          createdBy: o.prescriber.includes('Okafor') ? okafor.id : hoang.id,
        },
        addDays(asOf, -o.startDaysAgo),
      ),
    );
  }
  const ordersOf = (mrn: string): MedicationOrder[] => stored.filter((r) => r.patientId === idOf.get(mrn)).map(toMedicationOrder);

  const pdmp = async (mrn: string, daysAgo: number, by: { id: string; name: string }, findings: string): Promise<void> => {
    const patientId = idOf.get(mrn);
    if (patientId !== undefined) await insertPdmpCheck(db, { orgId, patientId, checkedOn: day(addDays(asOf, -daysAgo)), checkedBy: by.id, checkedByName: by.name, findings, needsDiscussion: false }, addDays(asOf, -daysAgo));
  };
  await pdmp('RB-100002', 125, hoang, 'Oxycodone from Dr. Hoang and lorazepam from his primary care doctor, both filled at Alder Flats Pharmacy. Matches the list.');
  await pdmp('RB-100014', 20, okafor, 'Oxycodone from Dr. Okafor only, one pharmacy. Matches the list and the taper steps.');
  await pdmp('RB-100009', 30, hoang, 'Buprenorphine-naloxone from Dr. Hoang only. No other controlled prescriptions.');

  const jensen = idOf.get('RB-100002');
  if (jensen !== undefined) {
    const collectedOn = day(addDays(asOf, -150));
    const results: UdsResult[] = [
      { substance: 'oxycodone', result: 'positive', collectedOn, method: 'screen' },
      { substance: 'benzodiazepines', result: 'positive', collectedOn, method: 'screen' },
      { substance: 'cocaine', result: 'negative', collectedOn, method: 'screen' },
    ];
    const reconciliation = reconcileUds({ results, orders: ordersOf('RB-100002'), asOf: addDays(asOf, -150) });
    await insertUrineTest(db, { orgId, patientId: jensen, collectedOn, method: 'screen', results, notes: null, reconciliation, conversationTaskId: null, enteredBy: hoang.name }, addDays(asOf, -150));
  }

  const volkov = idOf.get('RB-100014');
  if (volkov !== undefined) {
    const startAsOf = addDays(asOf, -62);
    // The plan was built from the dose before the taper (5 mg four times a day); the order now shows the current step.
    const before = parseDirections('1 tab po q6h').directions;
    const regimen = ordersOf('RB-100014').map((o) => (o.ingredients[0]?.ingredient.name === 'oxycodone' ? { ...o, dosage: { ...o.dosage, frequency: before.frequency } } : o));
    const plan = planTaper({ regimen, startDate: day(startAsOf), durationOfUse: { days: 338 }, pace: { every: { months: 1 }, cut: { percent: 10, of: 'original' } }, asOf: startAsOf });
    const row = await insertTaperPlan(
      db,
      {
        orgId, patientId: volkov, status: 'active', startDate: day(startAsOf), durationOfUseDays: 338, pace: { every: { months: 1 }, cut: { percent: 10, of: 'original' }, label: '10 % of the original dose each month' },
        pauses: [], orderIds: regimen.map((o) => o.id), plan, naloxoneOffered: true, lifeThreateningReason: null, createdBy: okafor.id,
        patientAgreement: 'Slowly is fine with me. I want a clear head when I go back to work, and if the pain gets bad we stop and talk before the next step.',
      },
      startAsOf,
    );
    const doses: Array<[daysAgo: number, mme: number, note: string | null]> = [
      [62, 30, 'Starting dose.'],
      [31, 26.3, 'Took the lower dose most days; two harder days after a long shift.'],
      [3, 22.5, 'Sleeping better; PEG about the same.'],
    ];
    for (const [daysAgo, mme, note] of doses) {
      await insertActualDose(db, { orgId, patientId: volkov, taperPlanId: row.id, takenOn: day(addDays(asOf, -daysAgo)), mmePerDay: mme, note, recordedBy: okafor.name }, addDays(asOf, -daysAgo));
    }
  }
  return { orders: stored.length };
}
