/** Stored rows ⇄ the domain's care-plan types (src/domain/care-plan/types.ts), and the engine's input. */
import type {
  CarePlan,
  CarePlanInput,
  CheckpointDecisionInput,
  Flare,
  Modality,
  ResponseReport,
  TherapySession,
} from '../../domain/care-plan/types';
import type { ProgressionCheckpoint, ProgressionInput } from '../../domain/progression/types';
import type { CarePlanRow, CheckpointRow, FlareRow, ReportRow, SessionRow } from '../../db/repositories/care-plan.repository';

export function toPlan(row: CarePlanRow): CarePlan {
  return { ...(row.content as CarePlanInput), id: row.id, patientId: row.patientId, version: row.version };
}

export function toSession(row: SessionRow): TherapySession {
  return {
    id: row.id,
    patientId: row.patientId,
    carePlanId: row.carePlanId,
    recordedBy: row.recordedBy,
    version: row.version,
    date: row.sessionDate,
    modalities: row.modalities as Modality[],
    passivePercent: row.passivePercent,
    soreness: row.soreness ?? null,
    reliefWindowDaysReported: row.reliefWindowDaysReported,
    goalScores: row.goalScores,
    symptomScore: row.symptomScore,
    precipitatingEvent: row.precipitatingEvent,
    note: row.note,
  };
}

export function toReport(row: ReportRow): ResponseReport & { reportedBy: string; reportedAt: string } {
  return {
    id: row.id,
    patientId: row.patientId,
    reportedOn: row.reportedOn,
    afterSessionId: row.afterSessionId,
    reliefWindowDays: row.reliefWindowDays,
    goalScores: row.goalScores,
    symptomScore: row.symptomScore,
    note: row.note,
    reportedBy: row.reportedBy,
    reportedAt: row.reportedAt.toISOString(),
  };
}

export function toFlare(row: FlareRow): Flare {
  return {
    id: row.id,
    patientId: row.patientId,
    version: row.version,
    startedAt: row.startedAt.toISOString(),
    baselineSymptomScore: row.baselineSymptomScore,
    peakSymptomScore: row.peakSymptomScore,
    settledAt: row.settledAt?.toISOString() ?? null,
    symptomScoreAfter: row.symptomScoreAfter,
    trigger: row.trigger,
    reportedBy: row.reportedBy === 'patient' ? 'patient' : 'clinician',
  };
}

export interface CheckpointView {
  id: string;
  dueOn: string;
  status: string;
  taskId: string | null;
  decision: CheckpointDecisionInput | null;
  summary: unknown;
  planVersion: number | null;
  decidedBy: string | null;
  decidedAt: string | null;
  version: number;
}

export function toCheckpoint(row: CheckpointRow): CheckpointView {
  return {
    id: row.id,
    dueOn: row.dueOn,
    status: row.status,
    taskId: row.taskId,
    decision: (row.decisionDetail as CheckpointDecisionInput | null) ?? null,
    summary: row.summary ?? null,
    planVersion: row.planVersion,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** Decided checkpoints as the engine reads them. */
export function decidedCheckpoints(rows: readonly CheckpointRow[]): ProgressionCheckpoint[] {
  return rows.flatMap((r) => {
    const d = r.decisionDetail as CheckpointDecisionInput | null;
    return r.status === 'decided' && d ? [{ id: r.id, date: d.date, decision: d.decision }] : [];
  });
}

export function progressionInput(
  asOf: Date,
  plan: CarePlan,
  rows: { sessions: readonly SessionRow[]; reports: readonly ReportRow[]; flares: readonly FlareRow[]; checkpoints: readonly CheckpointRow[] },
): ProgressionInput {
  return {
    asOf,
    plan: {
      startDate: plan.startDate,
      recordedPhase: plan.phase,
      ongoingCare: plan.ongoingCare,
      baselineSymptomScore: plan.baselineSymptomScore,
      goals: plan.goals,
      checkpointSchedule: plan.checkpointSchedule,
      graduationCriteria: plan.graduationCriteria,
    },
    sessions: rows.sessions.map(toSession),
    reports: rows.reports.map(toReport),
    flares: rows.flares.map(toFlare),
    checkpoints: decidedCheckpoints(rows.checkpoints),
  };
}
