import { describe, expect, it } from 'vitest';
import type { CarePlanGoal, CarePlanStatus, GoalStatus } from '../care-plan/types';
import { goalsFromCarePlan } from './goals';

const goal = (statement: string, status: GoalStatus = 'active', targetDate = '2027-03-12'): CarePlanGoal => ({
  id: statement,
  activity: 'walking',
  statement,
  baselineScore: 3,
  targetScore: 7,
  targetDate,
  status,
});

describe('goalsFromCarePlan', () => {
  it.each<[CarePlanStatus, string[]]>([
    ['draft', ['Walk 30 minutes with the dog (by March 12, 2027)']],
    ['active', ['Walk 30 minutes with the dog (by March 12, 2027)']],
    ['completed', []],
    ['ended', []],
  ])('a %s plan gives %j', (status, expected) => {
    expect(goalsFromCarePlan({ status, goals: [goal('Walk 30 minutes with the dog')] })).toEqual(expected);
  });

  it.each<[GoalStatus, boolean]>([
    ['active', true],
    ['achieved', false],
    ['revised', false],
    ['stopped', false],
  ])('a goal that is %s is named: %s', (status, named) => {
    expect(goalsFromCarePlan({ status: 'active', goals: [goal('Garden for an hour', status)] }).length).toBe(named ? 1 : 0);
  });

  it('keeps the order of the plan, trims the words and skips empty statements', () => {
    const goals = [goal('  Lift my grandson  ', 'active', '2027-01-05'), goal('   '), goal('Sleep through the night', 'active', '2026-12-31')];
    expect(goalsFromCarePlan({ status: 'active', goals })).toEqual(['Lift my grandson (by January 5, 2027)', 'Sleep through the night (by December 31, 2026)']);
  });
});
