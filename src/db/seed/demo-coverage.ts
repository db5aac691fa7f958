/**
 * Demo coverage and appointments: Medicare (Part B, with the built-in NCD 30.3.3 acupuncture rule) and one
 * commercial PPO with physical therapy and acupuncture rules; patients' plans, attended and booked visits,
 * prior authorisations, and the NCD facts. Chosen so the coverage page shows each warning:
 * - Maria Garcia (RB-100001, Medicare through disability alongside Medicaid): nonspecific chronic low back
 *   pain, 10 acupuncture visits attended in the first 90 days, so the next booked visit is visit 11 of 12.
 *   Her in-person physical therapy and acupuncture visits two days apart show a same-day bundling suggestion.
 * - Lan Nguyen (RB-100004, commercial): 18 of 20 physical therapy visits used in the rolling year, and the
 *   prior authorisation ends in 10 days.
 * - Naomi Fischer (RB-100016, commercial): a request for more physical therapy still pending.
 * - Denise Washington (RB-100008, Medicare): low back pain after lumbar surgery, so NCD 30.3.3 does not
 *   apply; the page lists that reason.
 * Dates come from `asOf`. All names of payers and plans are fictional except Medicare.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { acupunctureEligibility, appointments, benefitRules, coveragePlans, patientCoverages, patients, payers, priorAuthorisations, users } from '../schema';
import { addDays } from './dates';

const day = (asOf: Date, offset: number): string => addDays(asOf, offset).toISOString().slice(0, 10);
/** A visit time: `offset` days from asOf at `hourUtc`:00 UTC. */
function at(asOf: Date, offset: number, hourUtc: number): Date {
  const d = addDays(asOf, offset);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
}

export async function seedDemoCoverage(tx: DbOrTx, { orgId, asOf }: { orgId: string; asOf: Date }): Promise<void> {
  const mrns = ['RB-100001', 'RB-100004', 'RB-100016', 'RB-100008'];
  const rows = await tx.select({ id: patients.id, mrn: patients.mrn }).from(patients).where(and(eq(patients.orgId, orgId), inArray(patients.mrn, mrns)));
  const pid = (mrn: string): string => {
    const row = rows.find((r) => r.mrn === mrn);
    if (!row) throw new Error(`demo coverage: no patient ${mrn}`);
    return row.id;
  };
  const coordinator = (await tx.select({ id: users.id, name: users.displayName }).from(users).where(and(eq(users.orgId, orgId), eq(users.role, 'care_coordinator'))).limit(1))[0];
  const by = coordinator?.id ?? 'demo-seed';
  const byName = coordinator?.name ?? 'Care coordinator';
  const stamp = { createdAt: asOf, updatedAt: asOf };

  const medicare = randomUUID();
  const summit = randomUUID();
  await tx.insert(payers).values([
    { id: medicare, orgId, name: 'Medicare', kind: 'medicare', ...stamp },
    { id: summit, orgId, name: 'Summit Mutual Health', kind: 'commercial', ...stamp },
  ]);
  const partB = randomUUID();
  const ppo = randomUUID();
  await tx.insert(coveragePlans).values([
    { id: partB, orgId, payerId: medicare, name: 'Medicare Part B', notes: 'Original Medicare. Acupuncture follows NCD 30.3.3.', ...stamp },
    { id: ppo, orgId, payerId: summit, name: 'Summit PPO Silver', notes: 'Fictional demo plan.', ...stamp },
  ]);
  await tx.insert(benefitRules).values([
    { orgId, planId: partB, service: 'physical-therapy', kind: 'custom', visitLimit: null, periodKind: 'none', periodDays: null, priorAuthRequired: false, copayNote: '20% coinsurance after the Part B deductible', ...stamp },
    { orgId, planId: partB, service: 'pain-medicine', kind: 'custom', visitLimit: null, periodKind: 'none', periodDays: null, priorAuthRequired: false, copayNote: '20% coinsurance after the Part B deductible', ...stamp },
    { orgId, planId: partB, service: 'acupuncture', kind: 'ncd-30.3.3', visitLimit: null, periodKind: 'none', periodDays: null, priorAuthRequired: false, copayNote: '20% coinsurance after the Part B deductible', ...stamp },
    { orgId, planId: ppo, service: 'physical-therapy', kind: 'custom', visitLimit: 20, periodKind: 'rolling-days', periodDays: 365, priorAuthRequired: true, copayNote: '$30 per visit', ...stamp },
    { orgId, planId: ppo, service: 'acupuncture', kind: 'custom', visitLimit: 12, periodKind: 'calendar-year', periodDays: null, priorAuthRequired: false, copayNote: '$30 per visit', ...stamp },
  ]);

  const cov = (patientMrn: string, planId: string, memberId: string, startOffset: number): typeof patientCoverages.$inferInsert & { id: string } => ({
    id: randomUUID(),
    orgId,
    patientId: pid(patientMrn),
    planId,
    memberId,
    startDate: day(asOf, startOffset),
    endDate: null,
    ...stamp,
  });
  const maria = cov('RB-100001', partB, '7QX2-MG4-DE81', -900);
  const lan = cov('RB-100004', ppo, 'SMH-448120-02', -400);
  const naomi = cov('RB-100016', ppo, 'SMH-771903-01', -300);
  const denise = cov('RB-100008', partB, '3HN8-WA2-RK55', -1500);
  await tx.insert(patientCoverages).values([maria, lan, naomi, denise]);

  type Visit = typeof appointments.$inferInsert;
  const visit = (mrn: string, visitType: string, offset: number, hour: number, status: string, extra: Partial<Visit> = {}): Visit => ({
    orgId,
    patientId: pid(mrn),
    visitType,
    providerName: visitType === 'acupuncture' ? 'Dr. Helen Park (acupuncture)' : visitType === 'physical-therapy' ? 'Jordan Ellis, PT' : 'Riverbend clinic team',
    location: 'Riverbend Pain & Function Clinic, 200 River Street',
    telehealth: false,
    startsAt: at(asOf, offset, hour),
    durationMinutes: visitType === 'acupuncture' ? 40 : 45,
    status,
    createdBy: by,
    ...stamp,
    ...extra,
  });
  const visits: Visit[] = [
    // Maria: 10 acupuncture visits attended, the first 60 days ago (the 90-day window runs to day +29).
    ...Array.from({ length: 10 }, (_, i) => visit('RB-100001', 'acupuncture', -60 + i * 6, 15, 'attended')),
    visit('RB-100001', 'acupuncture', 3, 15, 'booked', { notes: 'Visit 11 of the first 12 under Medicare.' }),
    visit('RB-100001', 'physical-therapy', 5, 16, 'booked'),
    visit('RB-100001', 'pain-medicine', 12, 17, 'booked', { telehealth: true, location: null, providerName: 'Dr. Samuel Okafor', durationMinutes: 30 }),
    // Lan: 18 physical therapy visits in the rolling year, one more booked.
    ...Array.from({ length: 18 }, (_, i) => visit('RB-100004', 'physical-therapy', -150 + i * 8, 14, 'attended')),
    visit('RB-100004', 'physical-therapy', -4, 14, 'no-show'),
    visit('RB-100004', 'physical-therapy', 2, 14, 'booked', { notes: 'A Vietnamese interpreter joins the visit.' }),
    // Naomi: six physical therapy visits, more requested.
    ...Array.from({ length: 6 }, (_, i) => visit('RB-100016', 'physical-therapy', -50 + i * 7, 18, 'attended')),
    visit('RB-100016', 'physical-therapy', 9, 18, 'booked'),
  ];
  await tx.insert(appointments).values(visits);

  const event = (status: string, offset: number, note: string | null, documents: { title: string; reference: string }[] = []) => ({ status, date: day(asOf, offset), by: byName, note, documents });
  await tx.insert(priorAuthorisations).values([
    {
      orgId,
      patientId: lan.patientId,
      coverageId: lan.id,
      service: 'physical-therapy',
      status: 'approved',
      requestedUnits: 24,
      authorisedUnits: 24,
      startDate: day(asOf, -160),
      endDate: day(asOf, 10),
      reference: 'SMH-PA-30518',
      history: [event('requested', -170, 'Plan of care sent with neck disability scores.', [{ title: 'PT plan of care', reference: 'POC-LN-01' }]), event('approved', -162, 'Approved as requested.', [{ title: 'Approval letter', reference: 'SMH-PA-30518' }])],
      ...stamp,
    },
    {
      orgId,
      patientId: naomi.patientId,
      coverageId: naomi.id,
      service: 'physical-therapy',
      status: 'appealed',
      requestedUnits: 12,
      reference: 'SMH-PA-31877',
      history: [
        event('requested', -20, 'Twelve more visits for knee strength and stairs.', [{ title: 'PT progress note', reference: 'PN-NF-06' }]),
        event('denied', -12, 'Payer asked for measured progress.'),
        event('appealed', -6, 'Sent PSFS and timed stair test results.', [{ title: 'Appeal letter with measures', reference: 'AP-NF-01' }]),
      ],
      ...stamp,
    },
  ]);

  await tx.insert(acupunctureEligibility).values([
    {
      orgId,
      patientId: maria.patientId,
      painOnsetDate: day(asOf, -3 * 365),
      nonspecific: true,
      associatedWithSurgery: false,
      associatedWithPregnancy: false,
      reviews: [{ date: day(asOf, -20), outcome: 'improving', note: 'PEG down from 7 to 5; walks 15 minutes without stopping.', by: byName }],
      recordedBy: by,
      ...stamp,
    },
    {
      orgId,
      patientId: denise.patientId,
      painOnsetDate: day(asOf, -9 * 365),
      nonspecific: true,
      associatedWithSurgery: true,
      associatedWithPregnancy: false,
      reviews: [],
      recordedBy: by,
      ...stamp,
    },
  ]);
}
