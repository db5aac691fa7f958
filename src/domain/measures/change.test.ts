import { describe, expect, it } from 'vitest';
import type { InstrumentId } from './instruments';
import type { InstrumentScore } from './score';
import { buildTrajectory, DEFAULT_MEASURE_SETTINGS, labelActivityChange, labelChange } from './change';

function buildScore(instrumentId: InstrumentId, total: number | null): InstrumentScore {
  return {
    instrumentId,
    instrumentVersion: '1',
    complete: total !== null,
    total,
    band: null,
    subscales: {},
    flags: [],
    issues: [],
  };
}

const change = (id: InstrumentId, from: number | null, to: number | null) =>
  labelChange(id, buildScore(id, from), buildScore(id, to));

describe('labelChange: PEG, 30 % of the earlier score (CDC 2022) [V]', () => {
  it.each([
    [10, 7, 'meaningful-improvement', -30],
    [10, 7.01, 'no-meaningful-change', -29.9],
    [6, 4.2, 'meaningful-improvement', -30],
    [7, 4.3, 'meaningful-improvement', -38.6],
    [5, 6.5, 'meaningful-worsening', 30],
    [10, 12.99, 'no-meaningful-change', 29.9],
    [5, 5, 'no-meaningful-change', 0],
    [0, 0, 'no-meaningful-change', null],
    [0, 0.3, 'meaningful-worsening', null],
  ])('%d -> %d: %s (%s %)', (from, to, label, percent) => {
    expect(change('peg', from, to)).toMatchObject({
      label,
      from,
      to,
      percent,
      setting: 'pegMeaningfulChangePercent=30 (v1)',
      threshold: '30 % of the earlier PEG (CDC 2022 uses 30 % improvement as meaningful)',
    });
  });

  it('says it in plain words', () => {
    expect(change('peg', 7, 4.3)?.text).toBe('Meaningful improvement: PEG 7.0 → 4.3 (−38.6 %)');
    expect(change('peg', 10, 7)?.text).toBe('Meaningful improvement: PEG 10.0 → 7.0 (−30 %)');
    expect(change('peg', 4, 4.5)?.text).toBe('No meaningful change: PEG 4.0 → 4.5 (+12.5 %)');
    expect(change('peg', 0, 2)?.text).toBe('Meaningful worsening: PEG 0.0 → 2.0 (+2.0)');
  });

  it('uses a clinic setting and names it', () => {
    const settings = { ...DEFAULT_MEASURE_SETTINGS, pegMeaningfulChangePercent: 20 };
    const labelled = labelChange('peg', buildScore('peg', 5), buildScore('peg', 4), settings);
    expect(labelled).toMatchObject({ label: 'meaningful-improvement', setting: 'pegMeaningfulChangePercent=20 (v1)' });
  });
});

describe('labelChange: PSFS average, minimum detectable change 2 points [S] (higher is better)', () => {
  it.each([
    [4, 6, 'meaningful-improvement', 2],
    [5.1, 7.1, 'meaningful-improvement', 2],
    [4, 5.9, 'no-meaningful-change', 1.9],
    [6, 4, 'meaningful-worsening', -2],
    [6, 4.1, 'no-meaningful-change', -1.9],
  ])('%d -> %d: %s', (from, to, label, delta) => {
    expect(change('psfs', from, to)).toMatchObject({ label, delta, setting: 'psfsAverageMdc=2 (v1)' });
  });

  it('says it in plain words', () => {
    expect(change('psfs', 4, 6)?.text).toBe('Meaningful improvement: PSFS average 4.0 → 6.0 (+2.0 points)');
  });
});

describe('labelActivityChange: one PSFS activity, 3 points [S]', () => {
  it.each([
    [2, 5, 'meaningful-improvement'],
    [2, 4, 'no-meaningful-change'],
    [7, 4, 'meaningful-worsening'],
    [7, 5, 'no-meaningful-change'],
  ])('%i -> %i: %s', (from, to, label) => {
    expect(labelActivityChange(from, to)).toMatchObject({ label, setting: 'psfsActivityMdc=3 (v1)' });
  });

  it('says it in plain words', () => {
    expect(labelActivityChange(2, 5).text).toBe('Meaningful improvement: Activity 2 → 5 (+3 points)');
  });
});

describe('labelChange: PHQ-9 5 points and GAD-7 4 points (not in the reference) [U]', () => {
  it.each([
    ['phq9', 15, 10, 'meaningful-improvement', 'phq9MeaningfulChangePoints=5 (v1)'],
    ['phq9', 15, 11, 'no-meaningful-change', 'phq9MeaningfulChangePoints=5 (v1)'],
    ['phq9', 10, 15, 'meaningful-worsening', 'phq9MeaningfulChangePoints=5 (v1)'],
    ['gad7', 12, 8, 'meaningful-improvement', 'gad7MeaningfulChangePoints=4 (v1)'],
    ['gad7', 12, 9, 'no-meaningful-change', 'gad7MeaningfulChangePoints=4 (v1)'],
    ['gad7', 8, 12, 'meaningful-worsening', 'gad7MeaningfulChangePoints=4 (v1)'],
  ] as const)('%s %i -> %i: %s', (id, from, to, label, setting) => {
    const labelled = change(id, from, to);
    expect(labelled).toMatchObject({ label, setting });
    expect(labelled?.threshold).toMatch(/not in the reference/);
  });

  it('says it in plain words', () => {
    expect(change('phq9', 12, 7)?.text).toBe('Meaningful improvement: PHQ-9 12 → 7 (−5 points)');
  });
});

describe('labelChange: no label', () => {
  it.each(['phq2', 'startback', 'ort', 'ort-oud'] as const)('for %s (a screen or risk tool)', (id) => {
    expect(change(id, 1, 5)).toBeNull();
  });

  it.each([
    [null, 5],
    [5, null],
  ])('when a total is missing (%s -> %s)', (from, to) => {
    expect(change('peg', from, to)).toBeNull();
  });

  it('refuses scores of another instrument (programmer error)', () => {
    expect(() => labelChange('peg', buildScore('phq9', 5), buildScore('peg', 5))).toThrow(/peg/);
  });
});

describe('buildTrajectory', () => {
  const at = (day: number): string => `2026-0${day}-01T10:00:00Z`;

  it('labels each point against the previous scored point and the baseline, in time order', () => {
    const points = [
      { at: at(3), score: buildScore('peg', 6) },
      { at: at(1), score: buildScore('peg', 8) },
      { at: at(2), score: buildScore('peg', null) },
      { at: at(4), score: buildScore('peg', 5.5) },
    ];
    const trajectory = buildTrajectory('peg', points);
    expect(trajectory.map((p) => p.at)).toEqual([at(1), at(2), at(3), at(4)]);
    expect(trajectory.map((p) => p.change?.label ?? null)).toEqual([null, null, 'no-meaningful-change', 'no-meaningful-change']);
    expect(trajectory.map((p) => p.changeFromBaseline?.label ?? null)).toEqual([
      null,
      null,
      'no-meaningful-change',
      'meaningful-improvement',
    ]);
    expect(trajectory[3]?.changeFromBaseline?.text).toBe('Meaningful improvement: PEG 8.0 → 5.5 (−31.3 %)');
  });

  it('is empty for no points and starts at the first scored point', () => {
    expect(buildTrajectory('peg', [])).toEqual([]);
    const trajectory = buildTrajectory('psfs', [
      { at: at(1), score: buildScore('psfs', null) },
      { at: at(2), score: buildScore('psfs', 3) },
      { at: at(3), score: buildScore('psfs', 5) },
    ]);
    expect(trajectory[2]?.changeFromBaseline).toMatchObject({ from: 3, to: 5, label: 'meaningful-improvement' });
  });

  it('refuses a time that is not ISO 8601 (programmer error)', () => {
    expect(() => buildTrajectory('peg', [{ at: 'yesterday', score: buildScore('peg', 1) }])).toThrow(/ISO 8601/);
  });
});
