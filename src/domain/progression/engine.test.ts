import { describe, expect, it } from 'vitest';
import { assessProgression } from './engine';
import { DEFAULT_PROGRESSION_SETTINGS } from './settings';
import { buildFlare, buildInput, buildPlan, weeklySessions } from './test-builders';

describe('assessProgression', () => {
  it('names the settings version and passes the recorded phase through untouched', () => {
    const r = assessProgression(buildInput({ plan: buildPlan({ recordedPhase: 'movement-entry' }) }));
    expect(r.settingsVersion).toBe('progression settings v1');
    expect(r.recordedPhase).toBe('movement-entry');
    expect(r.suggestedPhase).toBe('establishing-response');
    expect(r.statements.map((s) => s.code)).toContain('progression.phase-differs');
  });

  it('replays as of a past date: later sessions, reports and flares are left out', () => {
    const sessions = weeklySessions([null, 1, 3, 7, 7]); // 2026-01-05 .. 2026-02-02
    const early = assessProgression(buildInput({ asOf: new Date('2026-01-20T00:00:00Z'), sessions, flares: [buildFlare({ startedAt: '2026-01-25T00:00:00Z' })] }));
    expect(early.relief.map((p) => p.reliefWindowDays)).toEqual([1, 3, null]);
    expect(early.flares).toEqual([]);
    expect(early.issues.map((i) => i.code)).toContain('progression.future-data-ignored');
    expect(assessProgression(buildInput({ sessions })).suggestedPhase).toBe('movement-entry');
  });

  it('judges a flare that settled after asOf as not yet settled', () => {
    const flare = buildFlare({ startedAt: '2026-02-27T12:00:00Z', settledAt: '2026-03-01T20:00:00Z', symptomScoreAfter: 4 });
    const r = assessProgression(buildInput({ asOf: new Date('2026-03-01T12:00:00Z'), flares: [flare] }));
    expect(r.flares[0]?.classification).toBe('settling');
    expect(r.flares[0]?.hours).toBe(48);
  });

  it('keeps old flares listed but out of the headline after recentFlareDays', () => {
    const flare = buildFlare({ startedAt: '2026-02-10T12:00:00Z', settledAt: '2026-02-11T12:00:00Z', symptomScoreAfter: 4 });
    const recent = assessProgression(buildInput({ asOf: new Date('2026-02-24T12:00:00Z'), flares: [flare] }));
    expect(recent.statements.map((s) => s.code)).toContain('flare.settled-expected');
    const old = assessProgression(buildInput({ asOf: new Date('2026-02-24T12:00:01Z'), flares: [flare] }));
    expect(old.statements.map((s) => s.code)).not.toContain('flare.settled-expected');
    expect(old.flares).toHaveLength(1);
  });

  it('reports data gaps as issues', () => {
    const r = assessProgression(buildInput({ plan: buildPlan({ goals: [] }), sessions: weeklySessions([null, null, 2]) }));
    expect(r.issues.map((i) => i.code)).toEqual(['progression.no-goals', 'progression.relief-not-reported']);
  });

  it('uses the settings it is given and says so', () => {
    const sessions = weeklySessions([null, 0, 0]);
    const strict = assessProgression(buildInput({ sessions, settings: { ...DEFAULT_PROGRESSION_SETTINGS, noResponseAfterSessions: 2 } }));
    expect(strict.statements.find((s) => s.code === 'progression.no-response-yet')?.settings).toContain('noResponseAfterSessions=2 (v1)');
    expect(assessProgression(buildInput({ sessions })).statements.map((s) => s.code)).not.toContain('progression.no-response-yet');
  });

  it('suggests graduation when every goal reaches its target, and never records it', () => {
    const sessions = weeklySessions([null, 7, 7, 7], (i) => ({ goalScores: [{ goalId: 'walk', score: i === 3 ? 8 : 5 }] }));
    const r = assessProgression(buildInput({ sessions }));
    expect(r.suggestedPhase).toBe('graduation');
    expect(r.recordedPhase).toBe('establishing-response');
    expect(r.checkpoint.options.find((o) => o.decision === 'graduate')?.dataSupport).toBe(true);
  });
});
