/** How a referral is shown: its step and deadline, the handoff state, attachments as links, its history. */
import { handoffState } from '../../domain/referrals/handoff';
import { referralStepDue, STEP_LABELS } from '../../domain/referrals/overdue';
import { SERVICE_LABELS, type ReferralService, type ReferralUrgency } from '../../domain/referrals/services';
import { isOpenStatus, STATUS_LABELS, type ReferralStatus } from '../../domain/referrals/status';
import type { ReferralEventRow, ReferralRow } from '../../db/repositories/referrals.repository';

export function presentReferral(row: ReferralRow, events: ReferralEventRow[], asOf: Date) {
  const status = row.status as ReferralStatus;
  const service = row.service as ReferralService;
  const receiving = row.receivingProvider ?? SERVICE_LABELS[service];
  const due = referralStepDue({ status, urgency: row.urgency as ReferralUrgency, statusDate: row.statusDate, appointmentDate: row.appointmentDate }, asOf);
  return {
    id: row.id,
    patientId: row.patientId,
    service,
    serviceLabel: SERVICE_LABELS[service],
    receivingProvider: row.receivingProvider,
    urgency: row.urgency,
    reason: row.reason,
    question: row.question,
    handoff: row.handoff,
    status,
    statusLabel: STATUS_LABELS[status],
    open: isOpenStatus(status),
    sentDate: row.sentDate,
    statusDate: row.statusDate,
    appointmentDate: row.appointmentDate,
    declineReason: row.declineReason,
    expectedWaitDays: row.expectedWaitDays,
    expectedWaitSource: row.expectedWaitSource,
    step: due === null ? null : { ...due, label: STEP_LABELS[due.step] },
    handoffState: handoffState(status, receiving, row.handoff),
    attachments: row.attachments.map((a) => ({
      ...a,
      href: a.kind === 'summary' ? `/patients/${row.patientId}/summary` : null,
      pdfHref: a.kind === 'summary' ? `/api/v1/patients/${row.patientId}/summary.pdf` : null,
    })),
    bridgePlan: row.bridgePlan ?? null,
    history: events.map((e) => ({ status: e.status, statusLabel: STATUS_LABELS[e.status as ReferralStatus] ?? e.status, date: e.date, appointmentDate: e.appointmentDate, note: e.note, recordedAt: e.recordedAt.toISOString() })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export type ReferralView = ReturnType<typeof presentReferral>;
