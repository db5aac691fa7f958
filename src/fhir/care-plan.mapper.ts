/**
 * A Painpath care plan as a FHIR R4 CarePlan (https://hl7.org/fhir/R4/careplan.html).
 * Choices (docs/care-plan.md, "FHIR"):
 * - intent 'plan'; status: draft→draft, active→active, completed→completed, ended→revoked.
 * - meta.versionId = the plan version (every change is a new version).
 * - Goals are separate Goal resources (`goal` references, ids `${planId}.${goalId}`).
 * - Each intervention is an activity: detail.code = its domain (Painpath code system), description, status
 *   (planned→not-started, waiting→scheduled, active→in-progress, completed→completed, stopped→stopped),
 *   performer = the owner (display only: Painpath has no Practitioner endpoint), scheduledString = the
 *   expected start; the wait and the bridge plan are Painpath extensions on the activity.
 * - **Checkpoint outcomes** are CarePlan activities too (detail.code 'checkpoint'): scheduledString = the
 *   due date, status scheduled until decided and completed after, outcomeCodeableConcept = the decision
 *   (adjust | refer | graduate | ongoing-care, Painpath code system) and progress = the rationale, the
 *   referral with its overlap period, or the review date. Keeping them in the CarePlan means one read shows
 *   the plan and every decision made about it, in order. An Observation was considered and not used: a
 *   decision is not a measurement.
 * - The recorded phase is a Painpath extension; the progression engine's suggestion and reasons, as of the
 *   read, are a note (decision support, marked as such).
 */
import type { CarePlan as FhirCarePlan, CarePlanActivity, Extension } from '@medplum/fhirtypes';
import type { CarePlan, CarePlanIntervention, CheckpointDecisionInput } from '../domain/care-plan/types';
import { PAINPATH_STRUCTURE_DEFINITION_BASE } from './painpath-extensions';

export const CARE_PLAN_CODE_SYSTEM = 'https://painpath.org/fhir/CodeSystem/care-plan';
export const CHECKPOINT_DECISION_SYSTEM = 'https://painpath.org/fhir/CodeSystem/checkpoint-decision';
export const PHASE_URL = `${PAINPATH_STRUCTURE_DEFINITION_BASE}care-plan-phase`;
export const EXPECTED_WAIT_URL = `${PAINPATH_STRUCTURE_DEFINITION_BASE}expected-wait-days`;
export const BRIDGE_PLAN_URL = `${PAINPATH_STRUCTURE_DEFINITION_BASE}bridge-plan`;

export interface FhirCheckpointInput {
  id: string;
  dueOn: string;
  status: string;
  decision: CheckpointDecisionInput | null;
  decidedAt: string | null;
}

export interface CarePlanMapperInput {
  plan: CarePlan;
  lastUpdated: string;
  /** Display names by user id (owners). */
  names: ReadonlyMap<string, string>;
  checkpoints: readonly FhirCheckpointInput[];
  /** The engine's statement as of the read, e.g. "Suggested phase: movement entry — ..." (decision support). */
  engineNote: string | null;
}

const STATUS: Record<CarePlan['status'], FhirCarePlan['status']> = { draft: 'draft', active: 'active', completed: 'completed', ended: 'revoked' };
const ACTIVITY_STATUS: Record<CarePlanIntervention['status'], NonNullable<CarePlanActivity['detail']>['status']> = {
  planned: 'not-started',
  waiting: 'scheduled',
  active: 'in-progress',
  completed: 'completed',
  stopped: 'stopped',
};

export const goalFhirId = (planId: string, goalId: string): string => `${planId}.${goalId}`;

function interventionActivity(iv: CarePlanIntervention, names: ReadonlyMap<string, string>): CarePlanActivity {
  const extension: Extension[] = [];
  if (iv.expectedWaitDays !== null) extension.push({ url: EXPECTED_WAIT_URL, valueInteger: iv.expectedWaitDays });
  if (iv.bridgePlan !== null) extension.push({ url: BRIDGE_PLAN_URL, valueString: iv.bridgePlan.text });
  const owner = iv.ownerUserId !== null ? names.get(iv.ownerUserId) ?? iv.ownerUserId : iv.ownerRole;
  return {
    ...(extension.length > 0 ? { extension } : {}),
    detail: {
      code: { coding: [{ system: CARE_PLAN_CODE_SYSTEM, code: iv.domain }], text: iv.domain },
      status: ACTIVITY_STATUS[iv.status],
      description: iv.description,
      ...(owner ? { performer: [{ display: owner }] } : {}),
      ...(iv.expectedStartDate !== null ? { scheduledString: iv.expectedStartDate } : {}),
    },
  };
}

function decisionText(d: CheckpointDecisionInput): string {
  switch (d.decision) {
    case 'adjust':
      return `Adjust: ${d.changes}`;
    case 'refer':
      return `Refer to ${d.referral.to} (${d.referral.reason}); both run in parallel ${d.referral.overlapStartDate} to ${d.referral.overlapEndDate}.`;
    case 'graduate':
      return `Graduate. Self-management: ${d.selfManagementPlan}${d.followUpDate ? `; follow-up ${d.followUpDate}` : ''}.`;
    case 'ongoing-care':
      return `Ongoing care on purpose: ${d.ongoingCare.reason}; review ${d.ongoingCare.reviewDate}.`;
    default: {
      const never: never = d;
      throw new Error(`unknown decision ${String(never)}`);
    }
  }
}

function checkpointActivity(c: FhirCheckpointInput): CarePlanActivity {
  const d = c.decision;
  return {
    ...(d ? { outcomeCodeableConcept: [{ coding: [{ system: CHECKPOINT_DECISION_SYSTEM, code: d.decision }], text: d.decision }] } : {}),
    ...(d ? { progress: [{ time: c.decidedAt ?? undefined, text: `${decisionText(d)} Reasoning: ${d.rationale}` }] } : {}),
    detail: {
      code: { coding: [{ system: CARE_PLAN_CODE_SYSTEM, code: 'checkpoint' }], text: 'Checkpoint' },
      status: d ? 'completed' : 'scheduled',
      scheduledString: c.dueOn,
      description: d ? `Checkpoint ${d.date}: ${d.decision}` : `Checkpoint due ${c.dueOn}`,
    },
  };
}

export function toFhirCarePlan(input: CarePlanMapperInput): FhirCarePlan {
  const { plan } = input;
  const notes = [
    ...(plan.patientSummary ? [{ text: plan.patientSummary }] : []),
    ...(plan.ongoingCare ? [{ text: `Ongoing care chosen on purpose: ${plan.ongoingCare.reason} Review on ${plan.ongoingCare.reviewDate}.` }] : []),
    ...(input.engineNote ? [{ text: input.engineNote }] : []),
    ...(plan.graduationCriteria.length > 0 ? [{ text: `Graduation criteria: ${plan.graduationCriteria.map((c) => c.statement).join('; ')}.` }] : []),
  ];
  return {
    resourceType: 'CarePlan',
    id: plan.id,
    meta: { versionId: String(plan.version), lastUpdated: input.lastUpdated },
    extension: [{ url: PHASE_URL, valueCode: plan.phase }],
    status: STATUS[plan.status],
    intent: 'plan',
    title: plan.title,
    subject: { reference: `Patient/${plan.patientId}` },
    period: { start: plan.startDate },
    goal: plan.goals.map((g) => ({ reference: `Goal/${goalFhirId(plan.id, g.id)}` })),
    activity: [...plan.interventions.map((iv) => interventionActivity(iv, input.names)), ...input.checkpoints.map(checkpointActivity)],
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}
