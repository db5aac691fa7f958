/**
 * Demo care coordination: service waits the coordinators entered, referrals in every state (each with its
 * dated steps, a bridge plan where there is a wait, and the open step's follow-up task), past physical
 * therapy referrals the learned wait comes from, social needs, and one huddle with a decision turned into
 * a task. Dates come from `asOf`; words are person-first (reference/clinical-facts.md section 9).
 * Step deadlines follow the referral step rule (src/domain/referrals/overdue.ts) so the demo matches what
 * the server would have raised.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { addDays as addCalendarDays } from '../../domain/referrals/dates';
import { referralStepDue, STEP_LABELS } from '../../domain/referrals/overdue';
import { SERVICE_LABELS, type ReferralService, type ReferralUrgency } from '../../domain/referrals/services';
import type { ReferralStatus } from '../../domain/referrals/status';
import type { DbOrTx } from '../client';
import { huddleNotes, huddles, patients, referralEvents, referrals, serviceWaits, socialNeeds, taskHistory, tasks, users, type BridgePlanJson } from '../schema';
import { addDays } from './dates';

const day = (asOf: Date, offset: number): string => addDays(asOf, offset).toISOString().slice(0, 10);

interface ReferralSpec {
  mrn: string;
  service: ReferralService;
  receivingProvider: string;
  urgency: ReferralUrgency;
  reason: string;
  question: string;
  handoff?: boolean;
  /** Steps as [status, days ago, appointment days from today (scheduled only)]. */
  steps: [ReferralStatus, number, number?][];
  declineReason?: string;
  expectedWaitDays: number | null;
  bridgePlan?: BridgePlanJson;
}

const WALKING: BridgePlanJson = {
  items: [
    { kind: 'activity', text: 'Walk 10 minutes after breakfast and after dinner. Add 2 minutes each week if your pain settles by the next morning.' },
    { kind: 'sleep', text: 'Same bedtime and wake time every day. No screens for 30 minutes before bed.' },
    { kind: 'self-care', text: 'Heat pack for 15 minutes before your walk. On a flare day, walk shorter, not zero.' },
  ],
  callUsIf: 'the pain wakes you every night, your leg feels weak or numb, or you have trouble passing urine. For any of these, call the clinic the same day.',
};

const REFERRALS: ReferralSpec[] = [
  {
    mrn: 'RB-100001', service: 'physical-therapy', receivingProvider: 'Riverside Physical Therapy', urgency: 'routine',
    reason: 'Chronic low back pain for 3 years; deconditioned and afraid of bending.',
    question: 'What graded activity plan gets Maria walking her dog for 30 minutes?',
    steps: [['sent', 10], ['accepted', 6]], expectedWaitDays: 21, bridgePlan: WALKING,
  },
  {
    mrn: 'RB-100008', service: 'pain-medicine', receivingProvider: 'Valley Pain Medicine', urgency: 'soon',
    reason: 'Knee and back pain with no progress after 20 weeks; PEG unchanged.',
    question: 'Is she a candidate for any procedure, and what should we change meanwhile?',
    steps: [['sent', 12]], expectedWaitDays: 90,
    bridgePlan: { items: [{ kind: 'activity', text: 'Chair exercises from your handout, 10 minutes twice a day.' }, { kind: 'medicines', text: 'Keep taking your medicines as they are now. Do not change doses on your own.' }], callUsIf: 'your pain is much worse than usual for more than 3 days, or you fall.' },
  },
  {
    mrn: 'RB-100014', service: 'acupuncture', receivingProvider: 'Millbrook Acupuncture', urgency: 'routine',
    reason: 'Chronic low back pain after a work injury; wants a non-drug option.',
    question: 'Does a course of acupuncture help him return to lighter duties?',
    steps: [['sent', 20], ['accepted', 17], ['scheduled', 15, 3]], expectedWaitDays: 10,
    bridgePlan: { items: [{ kind: 'activity', text: 'Your home stretches every morning, 10 minutes.' }], callUsIf: 'you cannot work a shift because of pain.' },
  },
  {
    mrn: 'RB-100004', service: 'behavioural-health', receivingProvider: 'Riverbend Counselling (Vietnamese-speaking therapist)', urgency: 'routine', handoff: true,
    reason: 'Pain with low mood and poor sleep; interested in pain coping skills.',
    question: 'Would CBT for chronic pain help, and can it be offered in Vietnamese?',
    steps: [['sent', 70], ['accepted', 62], ['scheduled', 60, -25], ['seen', 25], ['report-received', 10]], expectedWaitDays: 45,
    bridgePlan: { items: [{ kind: 'sleep', text: 'Wind-down routine from the sleep handout each night.' }], callUsIf: 'you feel hopeless or think about hurting yourself. You can also call or text 988 at any time.' },
  },
  {
    mrn: 'RB-100002', service: 'occupational-therapy', receivingProvider: 'Alder Flats Rehab', urgency: 'routine',
    reason: 'Hand and shoulder pain make cooking and dressing hard.',
    question: 'Which aids and routines help Bob manage daily tasks at home?',
    steps: [['sent', 30], ['declined', 24]], declineReason: 'The service does not cover his area; we will look for a telehealth option.', expectedWaitDays: 14,
    bridgePlan: { items: [{ kind: 'self-care', text: 'Use the jar opener and long-handled sponge from the clinic.' }], callUsIf: 'you cannot dress or cook for yourself.' },
  },
];

/** Past physical therapy referrals (other patients) that reached a first visit: the learned wait's sample. */
const PAST_PT: { mrn: string; sentDaysAgo: number; waitDays: number }[] = [
  { mrn: 'RB-100007', sentDaysAgo: 200, waitDays: 18 },
  { mrn: 'RB-100015', sentDaysAgo: 160, waitDays: 24 },
  { mrn: 'RB-100018', sentDaysAgo: 120, waitDays: 20 },
];

const WAITS: { service: ReferralService; waitDays: number; note: string; daysAgo: number }[] = [
  { service: 'physical-therapy', waitDays: 21, note: 'Riverside PT, by phone', daysAgo: 3 },
  { service: 'pain-medicine', waitDays: 90, note: 'Valley Pain Medicine new-patient list', daysAgo: 12 },
  { service: 'behavioural-health', waitDays: 45, note: 'Riverbend Counselling', daysAgo: 20 },
  { service: 'acupuncture', waitDays: 10, note: 'Millbrook Acupuncture', daysAgo: 5 },
];

const NEEDS: { mrn: string; kind: string; note: string }[] = [
  { mrn: 'RB-100002', kind: 'transport', note: 'Lives 40 miles out; drives only in daylight.' },
  { mrn: 'RB-100005', kind: 'digital-access', note: 'No home internet; mobile signal is patchy.' },
  { mrn: 'RB-100008', kind: 'cost', note: 'Copays add up with several visits a month.' },
  { mrn: 'RB-100014', kind: 'work', note: 'Shift work; mornings are best.' },
  { mrn: 'RB-100014', kind: 'language', note: 'Prefers Russian; interpreter for every visit.' },
  { mrn: 'RB-100001', kind: 'caregiving', note: 'Looks after her grandchildren after school.' },
];

export async function seedDemoCoordination(db: DbOrTx, options: { orgId: string; asOf: Date }): Promise<{ referrals: number }> {
  const { orgId, asOf } = options;
  const mrns = [...new Set([...REFERRALS.map((r) => r.mrn), ...PAST_PT.map((p) => p.mrn), ...NEEDS.map((n) => n.mrn)])];
  const rows = await db.select().from(patients).where(and(eq(patients.orgId, orgId), inArray(patients.mrn, mrns)));
  const byMrn = new Map(rows.map((p) => [p.mrn, p]));
  const staff = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.orgId, orgId));
  const staffId = (email: string): string => staff.find((s) => s.email === email)?.id ?? '';
  const coordinator = staffId('jordan.whitehorse@riverbend.example');
  const doctor = staffId('dr.okafor@riverbend.example');

  await db.insert(serviceWaits).values(WAITS.map((w) => ({ orgId, service: w.service, waitDays: w.waitDays, note: w.note, enteredBy: coordinator, enteredAt: addDays(asOf, -w.daysAgo) })));

  const specs: ReferralSpec[] = [
    ...REFERRALS,
    ...PAST_PT.map((p) => ({
      mrn: p.mrn, service: 'physical-therapy' as const, receivingProvider: 'Riverside Physical Therapy', urgency: 'routine' as const,
      reason: 'Chronic neck and back pain; wants to get stronger.', question: 'A home programme she can keep up after discharge?',
      steps: [['sent', p.sentDaysAgo], ['scheduled', p.sentDaysAgo - 4, -(p.sentDaysAgo - p.waitDays)], ['seen', p.sentDaysAgo - p.waitDays], ['report-received', p.sentDaysAgo - p.waitDays - 10]] as [ReferralStatus, number, number?][],
      expectedWaitDays: 21, bridgePlan: WALKING,
    })),
  ];
  let count = 0;
  for (const spec of specs) {
    const patient = byMrn.get(spec.mrn);
    if (!patient) continue;
    const id = randomUUID();
    const last = spec.steps[spec.steps.length - 1] as [ReferralStatus, number, number?];
    const scheduled = [...spec.steps].reverse().find((s) => s[0] === 'scheduled');
    const appointmentDate = scheduled?.[2] !== undefined ? day(asOf, scheduled[2]) : null;
    const sentDate = day(asOf, -(spec.steps[0]?.[1] ?? 0));
    const statusDate = day(asOf, -last[1]);
    const due = referralStepDue({ status: last[0], urgency: spec.urgency, statusDate, appointmentDate }, asOf);
    const taskId = due ? randomUUID() : null;
    await db.insert(referrals).values({
      id, orgId, patientId: patient.id, service: spec.service, receivingProvider: spec.receivingProvider, urgency: spec.urgency, reason: spec.reason, question: spec.question,
      handoff: spec.handoff ?? false, status: last[0], sentDate, statusDate, appointmentDate, declineReason: spec.declineReason ?? null,
      expectedWaitDays: spec.expectedWaitDays, expectedWaitSource: 'entered',
      attachments: [{ kind: 'summary', ref: patient.id, label: 'Pre-visit summary' }], bridgePlan: spec.bridgePlan ?? null, stepTaskId: taskId,
      createdBy: doctor, createdAt: addDays(asOf, -(spec.steps[0]?.[1] ?? 0)), updatedAt: addDays(asOf, -last[1]),
    });
    await db.insert(referralEvents).values(
      spec.steps.map(([status, ago, appt]) => ({
        orgId, patientId: patient.id, referralId: id, status, date: day(asOf, -ago), appointmentDate: status === 'scheduled' && appt !== undefined ? day(asOf, appt) : null,
        note: status === 'declined' ? (spec.declineReason ?? null) : null, actor: coordinator, recordedAt: addDays(asOf, -ago),
      })),
    );
    if (due && taskId) {
      const createdAt = addDays(asOf, -last[1]);
      await db.insert(tasks).values({
        id: taskId, orgId, patientId: patient.id, type: 'follow-up',
        title: `Referral to ${spec.service === 'behavioural-health' ? 'a restricted service' : SERVICE_LABELS[spec.service]}: ${STEP_LABELS[due.step]} (due ${due.dueDate})`,
        details: `Raised by the referral step rule (${due.setting}). Chase the service or update the referral's status. Referral ${id}.`,
        assigneeUserId: patient.coordinatorUserId, careTeamId: patient.careTeamId, dueAt: new Date(`${addCalendarDays(due.dueDate, 1)}T00:00:00.000Z`),
        priority: spec.urgency === 'soon' ? 'high' : spec.urgency === 'urgent' ? 'urgent' : 'routine', source: 'referral-step', status: 'open', createdBy: coordinator, createdAt, updatedAt: createdAt,
      });
      await db.insert(taskHistory).values({ orgId, patientId: patient.id, taskId, at: createdAt, actor: coordinator, event: 'created', changes: {} });
    }
    count += 1;
  }

  await db.insert(socialNeeds).values(
    NEEDS.flatMap((n) => {
      const p = byMrn.get(n.mrn);
      return p ? [{ orgId, patientId: p.id, kind: n.kind, active: true, note: n.note, recordedBy: coordinator, createdAt: addDays(asOf, -14), updatedAt: addDays(asOf, -14) }] : [];
    }),
  );

  const denise = byMrn.get('RB-100008');
  if (denise) {
    const huddleId = randomUUID();
    const taskId = randomUUID();
    const heldAt = addDays(asOf, -7);
    await db.insert(huddles).values({ id: huddleId, orgId, title: 'North team weekly huddle', heldOn: day(asOf, -7), createdBy: coordinator, createdAt: heldAt });
    await db.insert(tasks).values({
      id: taskId, orgId, patientId: denise.id, type: 'follow-up', title: 'Ask Valley Pain Medicine about a cancellation list for Denise',
      details: `Decided at the huddle "North team weekly huddle" on ${day(asOf, -7)}.`, assigneeUserId: coordinator, careTeamId: denise.careTeamId,
      dueAt: addDays(asOf, -2), priority: 'routine', source: 'huddle', status: 'open', createdBy: coordinator, createdAt: heldAt, updatedAt: heldAt,
    });
    await db.insert(taskHistory).values({ orgId, patientId: denise.id, taskId, at: heldAt, actor: coordinator, event: 'created', changes: {} });
    await db.insert(huddleNotes).values({
      orgId, huddleId, patientId: denise.id, createdBy: coordinator, createdAt: heldAt,
      note: 'No change in PEG over 20 weeks. Team agrees to keep the current plan, add chair exercises, and push for an earlier pain medicine visit.',
      decisions: [{ text: 'Ask Valley Pain Medicine about a cancellation list for Denise', taskId }],
    });
  }
  return { referrals: count };
}
