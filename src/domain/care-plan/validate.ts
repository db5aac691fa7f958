/**
 * Validation of care plans, sessions, portal reports, flares and checkpoint decisions beyond what a JSON
 * schema can say: real calendar dates, ranges, targets above baselines, a bridge plan for every wait, an
 * owner for every intervention, references to goals that exist, a review date for ongoing care, an overlap
 * period for every referral. Returns every problem at once, each with the path of the field concerned.
 *
 * Source: issue 2 and PRODUCT.md capability 3 ("a bridge plan for every wait"; goals "specific, measurable,
 * dated"); seed article 003 (referral "with an overlap period where both approaches run in parallel";
 * ongoing care "made explicitly and revisited regularly").
 *
 * Assumptions: the caller's JSON schema has already checked types and required keys; these functions check
 * meaning. Scores are whole or one-decimal numbers 0–10; relief windows are 0–90 days (longer is no longer
 * a "window"); soreness lasts 0–336 hours (two weeks). The `pathPrefix` is prepended to each path.
 */
import { error, type Issue } from '../issues';
import {
  isPassiveModality,
  type CarePlanInput,
  type CheckpointDecisionInput,
  type FlareInput,
  type GoalActivityScore,
  type ResponseReportInput,
  type TherapySessionInput,
} from './types';
import { isCalendarDate, isZonedDateTime } from './dates';
import { STAFF_ROLES } from '../access/roles';

export const MAX_RELIEF_WINDOW_DAYS = 90;
export const MAX_SORENESS_HOURS = 336;
export const MAX_CHECKPOINT_INTERVAL_DAYS = 182;

function isScore(v: number): boolean {
  return Number.isFinite(v) && v >= 0 && v <= 10 && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;
}

function checkText(issues: Issue[], value: string, code: string, label: string, path: string): void {
  if (value.trim() === '') issues.push(error(code, `${label} cannot be empty.`, path));
}

function checkDate(issues: Issue[], value: string, code: string, label: string, path: string): boolean {
  if (isCalendarDate(value)) return true;
  issues.push(error(code, `${label} must be a real date written YYYY-MM-DD.`, path));
  return false;
}

function checkScore(issues: Issue[], value: number | null, code: string, label: string, path: string): void {
  if (value !== null && !isScore(value)) issues.push(error(code, `${label} must be between 0 and 10 (one decimal at most).`, path));
}

function checkGoalScores(issues: Issue[], scores: GoalActivityScore[], goalIds: readonly string[] | null, p: (s: string) => string): void {
  const seen = new Set<string>();
  scores.forEach((g, i) => {
    if (!isScore(g.score)) issues.push(error('care-plan.goal-score-out-of-range', 'A goal activity score must be between 0 and 10.', p(`goalScores[${i}].score`)));
    if (seen.has(g.goalId)) issues.push(error('care-plan.goal-score-duplicate', 'Each goal can be scored once per report.', p(`goalScores[${i}].goalId`)));
    seen.add(g.goalId);
    if (goalIds !== null && !goalIds.includes(g.goalId)) {
      issues.push(error('care-plan.goal-unknown', `There is no goal "${g.goalId}" in the care plan.`, p(`goalScores[${i}].goalId`)));
    }
  });
}

function checkRelief(issues: Issue[], value: number | null, path: string): void {
  if (value !== null && (!Number.isFinite(value) || value < 0 || value > MAX_RELIEF_WINDOW_DAYS || Math.abs(value * 2 - Math.round(value * 2)) > 1e-9)) {
    issues.push(error('care-plan.relief-window-out-of-range', `Relief window must be 0–${MAX_RELIEF_WINDOW_DAYS} days, in half days.`, path));
  }
}

/** Every problem with a care plan body. */
export function validateCarePlanInput(input: CarePlanInput, pathPrefix = ''): Issue[] {
  const issues: Issue[] = [];
  const p = (s: string): string => `${pathPrefix}${s}`;
  checkText(issues, input.title, 'care-plan.title-required', 'Title', p('title'));
  const startOk = checkDate(issues, input.startDate, 'care-plan.start-date-invalid', 'Start date', p('startDate'));
  checkScore(issues, input.baselineSymptomScore, 'care-plan.baseline-symptom-out-of-range', 'Baseline symptom score', p('baselineSymptomScore'));

  if (input.phase === 'ongoing-care') {
    if (input.ongoingCare === null) {
      issues.push(error('care-plan.ongoing-care-needs-reason', 'Ongoing care is chosen explicitly: give the reason and a review date.', p('ongoingCare')));
    }
  } else if (input.ongoingCare !== null) {
    issues.push(error('care-plan.ongoing-care-without-phase', 'Ongoing care details belong only to the ongoing-care phase.', p('ongoingCare')));
  }
  if (input.ongoingCare !== null) {
    checkText(issues, input.ongoingCare.reason, 'care-plan.ongoing-care-reason-required', 'The reason for ongoing care', p('ongoingCare.reason'));
    if (checkDate(issues, input.ongoingCare.reviewDate, 'care-plan.review-date-invalid', 'Review date', p('ongoingCare.reviewDate')) && startOk) {
      if (input.ongoingCare.reviewDate <= input.startDate) {
        issues.push(error('care-plan.review-date-before-start', 'The review date must be after the plan start.', p('ongoingCare.reviewDate')));
      }
    }
  }

  if (input.goals.length === 0) issues.push(error('care-plan.goals-required', 'A plan needs at least one goal from the activities the person wants back.', p('goals')));
  const goalIds: string[] = [];
  input.goals.forEach((g, i) => {
    const gp = (s: string): string => p(`goals[${i}].${s}`);
    if (g.id.trim() === '') issues.push(error('care-plan.goal-id-required', 'Each goal needs an id.', gp('id')));
    else if (goalIds.includes(g.id)) issues.push(error('care-plan.goal-id-duplicate', `Goal id "${g.id}" is used twice.`, gp('id')));
    goalIds.push(g.id);
    checkText(issues, g.activity, 'care-plan.goal-activity-required', 'The activity', gp('activity'));
    checkText(issues, g.statement, 'care-plan.goal-statement-required', 'The goal statement', gp('statement'));
    checkScore(issues, g.baselineScore, 'care-plan.goal-baseline-out-of-range', 'Baseline score', gp('baselineScore'));
    checkScore(issues, g.targetScore, 'care-plan.goal-target-out-of-range', 'Target score', gp('targetScore'));
    if (isScore(g.baselineScore) && isScore(g.targetScore) && g.targetScore <= g.baselineScore) {
      issues.push(error('care-plan.goal-target-not-above-baseline', 'The target score must be above the baseline score.', gp('targetScore')));
    }
    if (checkDate(issues, g.targetDate, 'care-plan.goal-target-date-invalid', 'Target date', gp('targetDate')) && startOk && g.targetDate <= input.startDate) {
      issues.push(error('care-plan.goal-target-date-before-start', 'The target date must be after the plan start.', gp('targetDate')));
    }
  });

  const interventionIds: string[] = [];
  input.interventions.forEach((iv, i) => {
    const ip = (s: string): string => p(`interventions[${i}].${s}`);
    if (iv.id.trim() === '') issues.push(error('care-plan.intervention-id-required', 'Each intervention needs an id.', ip('id')));
    else if (interventionIds.includes(iv.id)) issues.push(error('care-plan.intervention-id-duplicate', `Intervention id "${iv.id}" is used twice.`, ip('id')));
    interventionIds.push(iv.id);
    checkText(issues, iv.description, 'care-plan.intervention-description-required', 'The description', ip('description'));
    const hasOwner = (iv.ownerUserId !== null && iv.ownerUserId.trim() !== '') || (iv.ownerRole !== null && iv.ownerRole.trim() !== '');
    if (!hasOwner) issues.push(error('care-plan.intervention-owner-required', 'Each intervention needs an owner on the care team (a person or a role).', ip('ownerUserId')));
    if (iv.ownerRole !== null && iv.ownerRole.trim() !== '' && !(STAFF_ROLES as readonly string[]).includes(iv.ownerRole)) {
      issues.push(error('care-plan.intervention-owner-role-unknown', `The owner role must be a care-team role: ${STAFF_ROLES.join(', ')}.`, ip('ownerRole')));
    }
    if (iv.expectedStartDate !== null) checkDate(issues, iv.expectedStartDate, 'care-plan.expected-start-invalid', 'Expected start', ip('expectedStartDate'));
    if (iv.expectedWaitDays !== null && (!Number.isInteger(iv.expectedWaitDays) || iv.expectedWaitDays < 0 || iv.expectedWaitDays > 730)) {
      issues.push(error('care-plan.expected-wait-out-of-range', 'Expected wait must be a whole number of days, 0–730.', ip('expectedWaitDays')));
    }
    const hasWait = iv.status === 'waiting' || iv.expectedStartDate !== null || (iv.expectedWaitDays !== null && iv.expectedWaitDays > 0);
    if (hasWait && (iv.bridgePlan === null || iv.bridgePlan.text.trim() === '')) {
      issues.push(error('care-plan.bridge-plan-required', 'Every wait needs a bridge plan: what the person does until then.', ip('bridgePlan')));
    }
  });

  const cs = input.checkpointSchedule;
  checkDate(issues, cs.firstDate, 'care-plan.first-checkpoint-invalid', 'First checkpoint', p('checkpointSchedule.firstDate'));
  if (isCalendarDate(cs.firstDate) && startOk && cs.firstDate < input.startDate) {
    issues.push(error('care-plan.first-checkpoint-before-start', 'The first checkpoint cannot be before the plan start.', p('checkpointSchedule.firstDate')));
  }
  if (!Number.isInteger(cs.intervalDays) || cs.intervalDays < 1 || cs.intervalDays > MAX_CHECKPOINT_INTERVAL_DAYS) {
    issues.push(error('care-plan.checkpoint-interval-out-of-range', `Checkpoint interval must be 1–${MAX_CHECKPOINT_INTERVAL_DAYS} whole days.`, p('checkpointSchedule.intervalDays')));
  }

  if (input.graduationCriteria.length === 0) {
    issues.push(error('care-plan.graduation-criteria-required', 'Say what graduation looks like: at least one criterion.', p('graduationCriteria')));
  }
  const criterionIds: string[] = [];
  input.graduationCriteria.forEach((c, i) => {
    if (c.id.trim() === '') issues.push(error('care-plan.criterion-id-required', 'Each criterion needs an id.', p(`graduationCriteria[${i}].id`)));
    else if (criterionIds.includes(c.id)) issues.push(error('care-plan.criterion-id-duplicate', `Criterion id "${c.id}" is used twice.`, p(`graduationCriteria[${i}].id`)));
    criterionIds.push(c.id);
    checkText(issues, c.statement, 'care-plan.criterion-statement-required', 'The criterion', p(`graduationCriteria[${i}].statement`));
    if (c.goalId !== null && !goalIds.includes(c.goalId)) {
      issues.push(error('care-plan.goal-unknown', `There is no goal "${c.goalId}" in the care plan.`, p(`graduationCriteria[${i}].goalId`)));
    }
  });
  return issues;
}

/** Every problem with a session body. `goalIds` = the plan's goal ids (null to skip the reference check). */
export function validateTherapySessionInput(input: TherapySessionInput, goalIds: readonly string[] | null, pathPrefix = ''): Issue[] {
  const issues: Issue[] = [];
  const p = (s: string): string => `${pathPrefix}${s}`;
  checkDate(issues, input.date, 'session.date-invalid', 'Session date', p('date'));
  if (input.modalities.length === 0) issues.push(error('session.modality-required', 'Choose at least one modality.', p('modalities')));
  if (new Set(input.modalities).size !== input.modalities.length) issues.push(error('session.modality-duplicate', 'A modality is listed twice.', p('modalities')));
  const okPercent = Number.isInteger(input.passivePercent) && input.passivePercent >= 0 && input.passivePercent <= 100;
  if (!okPercent) issues.push(error('session.passive-percent-out-of-range', 'Passive share must be a whole percentage 0–100.', p('passivePercent')));
  if (okPercent && input.modalities.length > 0) {
    const anyPassive = input.modalities.some(isPassiveModality);
    const anyActive = input.modalities.some((m) => !isPassiveModality(m));
    if (!anyPassive && input.passivePercent > 0) issues.push(error('session.mix-mismatch', 'No passive modality was chosen, so the passive share must be 0.', p('passivePercent')));
    if (!anyActive && input.passivePercent < 100) issues.push(error('session.mix-mismatch', 'No active modality was chosen, so the passive share must be 100.', p('passivePercent')));
    if (anyPassive && anyActive && (input.passivePercent === 0 || input.passivePercent === 100)) {
      issues.push(error('session.mix-mismatch', 'Both passive and active modalities were chosen: the passive share must be between 1 and 99.', p('passivePercent')));
    }
  }
  if (input.soreness !== null) {
    checkScore(issues, input.soreness.score, 'session.soreness-out-of-range', 'Soreness', p('soreness.score'));
    const h = input.soreness.hours;
    if (!Number.isFinite(h) || h < 0 || h > MAX_SORENESS_HOURS) issues.push(error('session.soreness-hours-out-of-range', `Soreness hours must be 0–${MAX_SORENESS_HOURS}.`, p('soreness.hours')));
  }
  checkRelief(issues, input.reliefWindowDaysReported, p('reliefWindowDaysReported'));
  checkGoalScores(issues, input.goalScores, goalIds, p);
  checkScore(issues, input.symptomScore, 'session.symptom-out-of-range', 'Symptom score', p('symptomScore'));
  if (input.precipitatingEvent !== null) checkText(issues, input.precipitatingEvent, 'session.event-empty', 'The event', p('precipitatingEvent'));
  return issues;
}

/** Every problem with a portal report of relief and the between-session response. */
export function validateResponseReportInput(input: ResponseReportInput, goalIds: readonly string[] | null, pathPrefix = ''): Issue[] {
  const issues: Issue[] = [];
  const p = (s: string): string => `${pathPrefix}${s}`;
  checkDate(issues, input.reportedOn, 'report.date-invalid', 'Report date', p('reportedOn'));
  checkRelief(issues, input.reliefWindowDays, p('reliefWindowDays'));
  checkGoalScores(issues, input.goalScores, goalIds, p);
  checkScore(issues, input.symptomScore, 'report.symptom-out-of-range', 'Symptom score', p('symptomScore'));
  if (input.reliefWindowDays === null && input.goalScores.length === 0 && input.symptomScore === null) {
    issues.push(error('report.empty', 'Tell us at least one thing: relief days, a goal activity, or how your symptoms are.', p('reliefWindowDays')));
  }
  return issues;
}

/** Every problem with a flare record. */
export function validateFlareInput(input: FlareInput, pathPrefix = ''): Issue[] {
  const issues: Issue[] = [];
  const p = (s: string): string => `${pathPrefix}${s}`;
  const startOk = isZonedDateTime(input.startedAt);
  if (!startOk) issues.push(error('flare.started-at-invalid', 'Start must be a date and time with a time zone.', p('startedAt')));
  checkScore(issues, input.baselineSymptomScore, 'flare.baseline-out-of-range', 'Baseline symptom score', p('baselineSymptomScore'));
  checkScore(issues, input.peakSymptomScore, 'flare.peak-out-of-range', 'Peak symptom score', p('peakSymptomScore'));
  if (isScore(input.baselineSymptomScore) && isScore(input.peakSymptomScore) && input.peakSymptomScore <= input.baselineSymptomScore) {
    issues.push(error('flare.peak-not-above-baseline', 'A flare is a rise: the peak must be above the baseline.', p('peakSymptomScore')));
  }
  if (input.settledAt !== null) {
    if (!isZonedDateTime(input.settledAt)) issues.push(error('flare.settled-at-invalid', 'Settled must be a date and time with a time zone.', p('settledAt')));
    else if (startOk && Date.parse(input.settledAt) <= Date.parse(input.startedAt)) {
      issues.push(error('flare.settled-before-start', 'Settled must be after the start.', p('settledAt')));
    }
    if (input.symptomScoreAfter === null) issues.push(error('flare.score-after-required', 'Give the symptom score once settled.', p('symptomScoreAfter')));
  } else if (input.symptomScoreAfter !== null) {
    issues.push(error('flare.score-after-without-settled', 'A score after settling needs the time it settled.', p('settledAt')));
  }
  checkScore(issues, input.symptomScoreAfter, 'flare.score-after-out-of-range', 'Symptom score after', p('symptomScoreAfter'));
  return issues;
}

/** Every problem with a checkpoint decision. */
export function validateCheckpointDecisionInput(input: CheckpointDecisionInput, pathPrefix = ''): Issue[] {
  const issues: Issue[] = [];
  const p = (s: string): string => `${pathPrefix}${s}`;
  const dateOk = checkDate(issues, input.date, 'checkpoint.date-invalid', 'Checkpoint date', p('date'));
  checkText(issues, input.rationale, 'checkpoint.rationale-required', 'The reasoning', p('rationale'));
  switch (input.decision) {
    case 'adjust':
      checkText(issues, input.changes, 'checkpoint.changes-required', 'What changes', p('changes'));
      break;
    case 'refer': {
      const r = input.referral;
      checkText(issues, r.to, 'checkpoint.referral-to-required', 'Whom the referral is to', p('referral.to'));
      checkText(issues, r.reason, 'checkpoint.referral-reason-required', 'The reason for referral', p('referral.reason'));
      const s = checkDate(issues, r.overlapStartDate, 'checkpoint.overlap-start-invalid', 'Overlap start', p('referral.overlapStartDate'));
      const e = checkDate(issues, r.overlapEndDate, 'checkpoint.overlap-end-invalid', 'Overlap end', p('referral.overlapEndDate'));
      if (s && e && r.overlapEndDate <= r.overlapStartDate) {
        issues.push(error('checkpoint.overlap-too-short', 'Both approaches run in parallel for a while: the overlap must end after it starts.', p('referral.overlapEndDate')));
      }
      if (s && dateOk && r.overlapStartDate < input.date) {
        issues.push(error('checkpoint.overlap-before-decision', 'The overlap cannot start before the checkpoint.', p('referral.overlapStartDate')));
      }
      break;
    }
    case 'graduate':
      checkText(issues, input.selfManagementPlan, 'checkpoint.self-management-required', 'The self-management plan', p('selfManagementPlan'));
      if (input.followUpDate !== null && checkDate(issues, input.followUpDate, 'checkpoint.follow-up-invalid', 'Follow-up date', p('followUpDate')) && dateOk && input.followUpDate <= input.date) {
        issues.push(error('checkpoint.follow-up-before-decision', 'The follow-up must be after the checkpoint.', p('followUpDate')));
      }
      break;
    case 'ongoing-care':
      checkText(issues, input.ongoingCare.reason, 'checkpoint.ongoing-reason-required', 'The reason for ongoing care', p('ongoingCare.reason'));
      if (checkDate(issues, input.ongoingCare.reviewDate, 'checkpoint.review-date-invalid', 'Review date', p('ongoingCare.reviewDate')) && dateOk && input.ongoingCare.reviewDate <= input.date) {
        issues.push(error('checkpoint.review-date-before-decision', 'Ongoing care is revisited: the review date must be after the checkpoint.', p('ongoingCare.reviewDate')));
      }
      break;
    default: {
      const unknownDecision: never = input;
      throw new Error(`unknown checkpoint decision: ${JSON.stringify(unknownDecision)}`);
    }
  }
  return issues;
}
