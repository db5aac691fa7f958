/**
 * Open tasks in the demo inbox. Due dates are relative to the seed's `asOf`; several are in the past so
 * the inbox shows overdue items. Types and priorities come from src/domain/tasks/task.ts.
 */
import type { TaskPriority, TaskType } from '../../domain/tasks/task';
import type { DemoStaffKey, DemoTeamKey } from './demo-staff';

export type DemoTaskAssignee = { user: DemoStaffKey } | { team: DemoTeamKey };

export interface DemoTaskSpec {
  patientMrn: string;
  type: Extract<TaskType, 'follow-up' | 'general'>;
  title: string;
  details: string;
  priority: TaskPriority;
  createdBy: DemoStaffKey;
  createdDaysAgo: number;
  /** Days from `asOf`; negative means overdue. */
  dueInDays: number;
  assignee: DemoTaskAssignee;
}

export const DEMO_TASK_SOURCE = 'demo-seed';

export const DEMO_TASKS: readonly DemoTaskSpec[] = [
  {
    patientMrn: 'RB-100008',
    type: 'follow-up',
    title: 'Benefit and risk review and agreement review',
    details: 'Long-term opioid therapy: review function goals, naloxone, PDMP check and the treatment agreement together.',
    priority: 'high',
    createdBy: 'whitehorse',
    createdDaysAgo: 21,
    dueInDays: -3,
    assignee: { user: 'okafor' },
  },
  {
    patientMrn: 'RB-100010',
    type: 'follow-up',
    title: 'Confirm naloxone was picked up and a primary-care visit is booked',
    details: 'Released three weeks ago. Check the pharmacy pickup, the Medicaid application and a ride to the next visit.',
    priority: 'urgent',
    createdBy: 'hoang',
    createdDaysAgo: 5,
    dueInDays: -1,
    assignee: { team: 'south' },
  },
  {
    patientMrn: 'RB-100003',
    type: 'follow-up',
    title: 'Follow up on sleep and PHQ-9 after the medication change',
    details: 'Call with the Somali interpreter; ask about sleep, mood and the walking plan.',
    priority: 'routine',
    createdBy: 'hoang',
    createdDaysAgo: 14,
    dueInDays: -6,
    assignee: { user: 'lindqvist' },
  },
  {
    patientMrn: 'RB-100002',
    type: 'general',
    title: 'Check the physical therapy waitlist and agree a bridge plan',
    details: 'Expected wait is about five weeks. Send the home exercise sheet and book a telehealth check-in for next Tuesday.',
    priority: 'routine',
    createdBy: 'hoang',
    createdDaysAgo: 3,
    dueInDays: 2,
    assignee: { user: 'whitehorse' },
  },
  {
    patientMrn: 'RB-100012',
    type: 'general',
    title: 'Book an Arabic interpreter for the physical therapy visit',
    details: 'In person if possible; she prefers a female interpreter.',
    priority: 'routine',
    createdBy: 'bell',
    createdDaysAgo: 2,
    dueInDays: 5,
    assignee: { user: 'morales' },
  },
  {
    patientMrn: 'RB-100013',
    type: 'follow-up',
    title: 'Update the individualised pain plan with the hematology team',
    details: 'Review the plan for pain episodes before the next visit and share it with the emergency department.',
    priority: 'high',
    createdBy: 'hoang',
    createdDaysAgo: 7,
    dueInDays: 7,
    assignee: { user: 'hoang' },
  },
  {
    patientMrn: 'RB-100009',
    type: 'general',
    title: 'Line up buprenorphine refill timing with the pharmacy',
    details: 'He starts a new shift pattern next month; align pickup days with his days off.',
    priority: 'low',
    createdBy: 'morales',
    createdDaysAgo: 4,
    dueInDays: 10,
    assignee: { user: 'raman' },
  },
  {
    patientMrn: 'RB-100004',
    type: 'follow-up',
    title: 'Case conference: little change in neck function over four sessions',
    details: 'Discuss whether to adjust the plan, refer, or add active work; invite her to share what matters most.',
    priority: 'low',
    createdBy: 'bell',
    createdDaysAgo: 9,
    dueInDays: -2,
    assignee: { team: 'north' },
  },
];
