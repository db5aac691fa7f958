/**
 * A care-plan goal as a FHIR R4 Goal (https://hl7.org/fhir/R4/goal.html).
 * - id `${planId}.${goalId}`; lifecycleStatus: active→active, achieved→completed, revised→cancelled
 *   (a revised goal is replaced by a new one), stopped→cancelled.
 * - description = the goal in the person's words; target: measure text "PSFS activity score: <activity>"
 *   (Painpath code, no LOINC code is used for PSFS), detailQuantity = the target score ({score}),
 *   dueDate = the target date; the baseline is a note.
 * - achievementStatus (http://terminology.hl7.org/CodeSystem/goal-achievement) from the engine's goal
 *   progress: met→achieved, moving→improving, not-moving→no-change; none without data.
 */
import type { Goal } from '@medplum/fhirtypes';
import type { CarePlan, CarePlanGoal } from '../domain/care-plan/types';
import type { GoalProgressStatus } from '../domain/progression/types';
import { goalFhirId } from './care-plan.mapper';
import { MEASURES_CODE_SYSTEM } from './questionnaire.mapper';

const ACHIEVEMENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
const LIFECYCLE: Record<CarePlanGoal['status'], Goal['lifecycleStatus']> = { active: 'active', achieved: 'completed', revised: 'cancelled', stopped: 'cancelled' };
const ACHIEVEMENT: Partial<Record<GoalProgressStatus, string>> = { met: 'achieved', moving: 'improving', 'not-moving': 'no-change' };

export function toFhirGoal(plan: CarePlan, goal: CarePlanGoal, progress: { status: GoalProgressStatus; latestScore: number | null } | null): Goal {
  const achievement = progress ? ACHIEVEMENT[progress.status] : undefined;
  return {
    resourceType: 'Goal',
    id: goalFhirId(plan.id, goal.id),
    lifecycleStatus: LIFECYCLE[goal.status],
    ...(achievement ? { achievementStatus: { coding: [{ system: ACHIEVEMENT_SYSTEM, code: achievement }] } } : {}),
    description: { text: goal.statement },
    subject: { reference: `Patient/${plan.patientId}` },
    startDate: plan.startDate,
    target: [
      {
        measure: { coding: [{ system: MEASURES_CODE_SYSTEM, code: 'psfs' }], text: `PSFS activity score: ${goal.activity}` },
        detailQuantity: { value: goal.targetScore, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
        dueDate: goal.targetDate,
      },
    ],
    addresses: [],
    note: [{ text: `Started at ${goal.baselineScore}/10${progress?.latestScore !== null && progress?.latestScore !== undefined ? `; latest ${progress.latestScore}/10` : ''} (0 = cannot do it, 10 = as before the pain).` }],
  };
}
