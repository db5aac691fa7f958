import { describe, expect, it } from 'vitest';
import { DEFAULT_REFERRAL_STEP_SETTINGS, referralStepDue } from './overdue';
import type { ReferralUrgency } from './services';
import type { ReferralStatus } from './status';

const at = (day: string): Date => new Date(`${day}T12:00:00Z`);

describe('days allowed per step by urgency (referralStepDays v1)', () => {
  const rows: [ReferralStatus, ReferralUrgency, number][] = [
    ['sent', 'routine', 7],
    ['sent', 'soon', 3],
    ['sent', 'urgent', 1],
    ['accepted', 'routine', 14],
    ['accepted', 'soon', 7],
    ['accepted', 'urgent', 2],
    ['seen', 'routine', 14],
    ['seen', 'soon', 7],
    ['seen', 'urgent', 3],
  ];
  it.each(rows)('%s (%s): due after %i days; the due day is not overdue, the next day is', (status, urgency, days) => {
    const r = { status, urgency, statusDate: '2026-11-01', appointmentDate: status === 'seen' ? '2026-11-01' : null };
    const due = new Date(Date.parse('2026-11-01T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
    const onDue = referralStepDue(r, at(due));
    expect(onDue?.dueDate).toBe(due);
    expect(onDue?.overdue).toBe(false);
    expect(onDue?.daysInStep).toBe(days);
    const after = referralStepDue(r, new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000));
    expect(after?.overdue).toBe(true);
    expect(after?.daysOverdue).toBe(1);
    expect(after?.setting).toBe('referralStepDays v1');
  });
  it('a booked visit is due on the appointment date plus the grace day', () => {
    const r = { status: 'scheduled' as const, urgency: 'routine' as const, statusDate: '2026-11-01', appointmentDate: '2026-11-20' };
    expect(referralStepDue(r, at('2026-11-21'))).toMatchObject({ step: 'visit', dueDate: '2026-11-21', overdue: false });
    expect(referralStepDue(r, at('2026-11-22'))).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(DEFAULT_REFERRAL_STEP_SETTINGS.visitGraceDays).toBe(1);
  });
  it.each(['declined', 'report-received'] as const)('%s waits for nothing', (status) => {
    expect(referralStepDue({ status, urgency: 'routine', statusDate: '2026-11-01', appointmentDate: null }, at('2027-01-01'))).toBeNull();
  });
  it('uses the clinic setting it is given', () => {
    const settings = { ...DEFAULT_REFERRAL_STEP_SETTINGS, days: { ...DEFAULT_REFERRAL_STEP_SETTINGS.days, acceptance: { routine: 2, soon: 1, urgent: 1 } } };
    expect(referralStepDue({ status: 'sent', urgency: 'routine', statusDate: '2026-11-01', appointmentDate: null }, at('2026-11-04'), settings)?.overdue).toBe(true);
  });
});
