import { describe, expect, it } from 'vitest';
import { currentServiceWait, learnServiceWait, type PastReferral } from './waits';

const past = (sent: string, appt: string | null): PastReferral => ({ sentDate: sent, appointmentDate: appt });
const asOf = new Date('2026-11-22T12:00:00Z');

describe('learned wait: median of the last 10 with a first visit, at least 3', () => {
  it('two referrals with a visit are too few', () => {
    const r = learnServiceWait([past('2026-10-01', '2026-10-11'), past('2026-10-02', '2026-10-22'), past('2026-10-03', null)]);
    expect(r).toMatchObject({ days: null, samples: 2 });
    expect(r.issues.map((i) => i.code)).toEqual(['wait.too-few-referrals']);
  });
  it('three give the median (odd count)', () => {
    expect(learnServiceWait([past('2026-10-01', '2026-10-11'), past('2026-10-01', '2026-10-31'), past('2026-10-01', '2026-10-15')]).days).toBe(14);
  });
  it('an even count averages the middle two (rounded)', () => {
    expect(learnServiceWait([past('2026-10-01', '2026-10-11'), past('2026-10-01', '2026-10-14'), past('2026-10-01', '2026-10-21'), past('2026-10-01', '2026-11-30')]).days).toBe(17);
  });
  it('only the newest 10 count', () => {
    const old = Array.from({ length: 5 }, (_, i) => past(`2025-01-0${i + 1}`, '2025-06-01'));
    const recent = Array.from({ length: 10 }, (_, i) => past(`2026-09-${String(i + 10)}`, `2026-09-${String(i + 17)}`));
    expect(learnServiceWait([...old, ...recent])).toMatchObject({ days: 7, samples: 10 });
  });
});

describe('current wait', () => {
  const learned = learnServiceWait([past('2026-10-01', '2026-10-11'), past('2026-10-01', '2026-10-31'), past('2026-10-01', '2026-10-15')]);
  const none = learnServiceWait([]);
  it.each([
    [30, 'entered', 5],
    [31, 'learned', 14],
  ] as const)('entered %i days ago → %s', (age, source, days) => {
    const enteredAt = new Date(asOf.getTime() - age * 86_400_000);
    expect(currentServiceWait({ days: 5, enteredAt }, learned, asOf)).toMatchObject({ source, days });
  });
  it('an old entered wait is used with a warning when nothing is learned', () => {
    const r = currentServiceWait({ days: 5, enteredAt: new Date('2026-01-01T00:00:00Z') }, none, asOf);
    expect(r).toMatchObject({ source: 'entered', days: 5 });
    expect(r.issues.map((i) => i.code)).toEqual(['wait.entered-is-old']);
  });
  it('nothing known', () => {
    expect(currentServiceWait(null, none, asOf)).toMatchObject({ source: 'none', days: null });
  });
});
