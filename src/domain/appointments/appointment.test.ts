import { describe, expect, it } from 'vitest';
import { APPOINTMENT_MOVES, APPOINTMENT_STATUSES, checkStatusMove, validateAppointment } from './appointment';
import { suggestBundles } from './bundling';

describe('appointment status moves: every pair', () => {
  const past = new Date('2026-03-01T10:00:00Z');
  const asOf = new Date('2026-03-02T10:00:00Z');
  const pairs = APPOINTMENT_STATUSES.flatMap((from) => APPOINTMENT_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    const ok = from === to || APPOINTMENT_MOVES[from].includes(to);
    expect(checkStatusMove(from, to, past, asOf).length === 0).toBe(ok);
  });
  it('cannot be attended or a no-show before it starts; the start instant itself is fine', () => {
    expect(checkStatusMove('booked', 'attended', new Date('2026-03-02T10:00:01Z'), asOf).map((i) => i.code)).toEqual(['appointment.not-started']);
    expect(checkStatusMove('booked', 'no-show', new Date('2026-03-02T10:00:01Z'), asOf).map((i) => i.code)).toEqual(['appointment.not-started']);
    expect(checkStatusMove('booked', 'attended', asOf, asOf)).toEqual([]);
    expect(checkStatusMove('booked', 'cancelled', new Date('2026-04-01T00:00:00Z'), asOf)).toEqual([]);
  });
  it.each([
    [{ telehealth: false, location: null, durationMinutes: 30 }, ['location']],
    [{ telehealth: false, location: ' ', durationMinutes: 30 }, ['location']],
    [{ telehealth: true, location: null, durationMinutes: 30 }, []],
    [{ telehealth: false, location: 'Clinic', durationMinutes: 4 }, ['durationMinutes']],
    [{ telehealth: false, location: 'Clinic', durationMinutes: 5 }, []],
    [{ telehealth: false, location: 'Clinic', durationMinutes: 480 }, []],
    [{ telehealth: false, location: null, durationMinutes: 481 }, ['location', 'durationMinutes']],
  ])('validate %o → %o', (a, paths) => {
    expect(validateAppointment({ ...a, startsAt: past }).map((i) => i.path)).toEqual(paths);
  });
});

describe('same-day bundling suggestions (window 3 days)', () => {
  const v = (id: string, date: string, extra: Partial<{ telehealth: boolean; status: string }> = {}) => ({ id, date, telehealth: false, status: 'booked', label: id, ...extra });
  it('two in-person visits 3 days apart: move one; 4 days apart: no suggestion', () => {
    const s = suggestBundles([v('pt', '2026-03-10'), v('acu', '2026-03-13')], '2026-03-01');
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ targetDate: '2026-03-10', moveIds: ['acu'], keepIds: ['pt'], journeysSaved: 1 });
    expect(suggestBundles([v('pt', '2026-03-10'), v('acu', '2026-03-14')], '2026-03-01')).toEqual([]);
  });
  it('the day with the most visits wins; telehealth, cancelled and past visits are left out', () => {
    const s = suggestBundles(
      [v('a', '2026-03-10'), v('b', '2026-03-12'), v('c', '2026-03-12'), v('t', '2026-03-11', { telehealth: true }), v('x', '2026-03-11', { status: 'cancelled' }), v('old', '2026-02-27')],
      '2026-03-01',
    );
    expect(s).toEqual([expect.objectContaining({ targetDate: '2026-03-12', moveIds: ['a'], keepIds: ['b', 'c'], journeysSaved: 1 })]);
  });
  it('visits already on one day need nothing; the window is a setting', () => {
    expect(suggestBundles([v('a', '2026-03-10'), v('b', '2026-03-10')], '2026-03-01')).toEqual([]);
    expect(suggestBundles([v('a', '2026-03-10'), v('b', '2026-03-15')], '2026-03-01', 5)[0]?.settings.bundlingWindowDays).toBe(5);
  });
});
