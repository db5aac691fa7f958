import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRESSION_SETTINGS } from './settings';
import { classifySoreness } from './soreness';
import { weeklySessions } from './test-builders';

const S = DEFAULT_PROGRESSION_SETTINGS;

describe('classifySoreness (seed: 24–48 h soreness early on is normal)', () => {
  it.each([
    // soreness reported at session n+1 (after session n), hours, class
    [1, 24, 'normal-early'],
    [1, 48, 'normal-early'],
    [1, 49, 'longer-than-usual'],
    [4, 36, 'normal-early'], // the 4th session is still early
    [5, 36, 'within-usual'], // the 5th is not
    [5, 72, 'longer-than-usual'],
  ] as const)('soreness after session %i lasting %i h → %s', (after, hours, classification) => {
    const sessions = weeklySessions(Array.from({ length: after + 1 }, () => 0), (i) => (i === after ? { soreness: { score: 4, hours } } : {}));
    const result = classifySoreness(sessions, S);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ afterSessionNumber: after, classification, hours });
  });

  it('ignores no soreness and a zero score', () => {
    const sessions = weeklySessions([null, 0, 0], (i) => (i === 1 ? { soreness: { score: 0, hours: 0 } } : {}));
    expect(classifySoreness(sessions, S)).toEqual([]);
  });

  it('names the settings and says it is not harm', () => {
    const sessions = weeklySessions([null, 0], (i) => (i === 1 ? { soreness: { score: 5, hours: 30 } } : {}));
    const [r] = classifySoreness(sessions, S);
    expect(r?.reason.code).toBe('progression.normal-post-treatment-soreness');
    expect(r?.reason.message).toContain('not harm');
    expect(r?.reason.settings).toEqual(['normalSorenessMaxHours=48 (v1)', 'earlySessionCount=4 (v1)']);
  });
});
