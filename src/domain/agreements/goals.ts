/**
 * The goals a treatment agreement names, taken from the person's care plan.
 *
 * Source: PRODUCT.md capability 7 (agreements with the functional goals inside) and capability 3 (care-plan
 * goals built from the PSFS activities, specific and dated); no clinical figure is involved.
 *
 * Assumptions (ours):
 * - A plan being written or in use (status 'draft' or 'active') gives the goals; a completed or ended plan
 *   does not (its goals belong to care that is over).
 * - Only goals still being worked on (status 'active') are named; achieved, revised and stopped goals are not.
 * - Each goal is written as the person said it, with its target date in words: "Walk 30 minutes with the
 *   dog (by March 12, 2027)".
 */
import type { CarePlanGoal, CarePlanStatus } from '../care-plan/types';
import { formatReviewDate } from './template';

export function goalsFromCarePlan(plan: { status: CarePlanStatus; goals: readonly CarePlanGoal[] }): string[] {
  if (plan.status !== 'draft' && plan.status !== 'active') return [];
  return plan.goals
    .filter((g) => g.status === 'active' && g.statement.trim() !== '')
    .map((g) => `${g.statement.trim()} (by ${formatReviewDate(g.targetDate)})`);
}
