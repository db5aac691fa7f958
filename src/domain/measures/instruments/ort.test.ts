import { describe, expect, it } from 'vitest';
import type { Answers, ScoreContext } from '../types';
import { DEFAULT_MEASURE_SETTINGS } from '../settings';
import { scoreInstrument } from '../score';

const ORT_KEYS = [
  'family-alcohol',
  'family-illegal-drugs',
  'family-prescription-drugs',
  'personal-alcohol',
  'personal-illegal-drugs',
  'personal-prescription-drugs',
  'preadolescent-sexual-abuse',
  'psychological-disease',
  'depression',
];

function buildOrt(prefix: 'ort' | 'ort-oud', yes: string[] = []): Answers {
  const keys = prefix === 'ort' ? ORT_KEYS : ORT_KEYS.filter((k) => k !== 'preadolescent-sexual-abuse');
  return Object.fromEntries(keys.map((k) => [`${prefix}.${k}`, yes.includes(k)]));
}

const OLDER = 50; // no age point

describe('ORT: each item, both sexes (Webster 2005 table)', () => {
  it.each([
    ['family-alcohol', 1, 3],
    ['family-illegal-drugs', 2, 3],
    ['family-prescription-drugs', 4, 4],
    ['personal-alcohol', 3, 3],
    ['personal-illegal-drugs', 4, 4],
    ['personal-prescription-drugs', 5, 5],
    ['preadolescent-sexual-abuse', 3, 0],
    ['psychological-disease', 2, 2],
    ['depression', 1, 1],
  ])('%s: female %i, male %i', (key, female, male) => {
    expect(scoreInstrument('ort', buildOrt('ort', [key]), { sex: 'female', ageYears: OLDER }).total).toBe(female);
    expect(scoreInstrument('ort', buildOrt('ort', [key]), { sex: 'male', ageYears: OLDER }).total).toBe(male);
  });

  it('all yes at age 30 is 26 for both sexes', () => {
    for (const sex of ['female', 'male'] as const) {
      expect(scoreInstrument('ort', buildOrt('ort', ORT_KEYS), { sex, ageYears: 30 })).toMatchObject({ total: 26, band: { code: 'high' } });
    }
  });
});

describe('ORT: age 16–45 adds 1', () => {
  it.each([
    [15, 0],
    [16, 1],
    [45, 1],
    [46, 0],
  ])('age %i -> %i', (ageYears, total) => {
    for (const sex of ['female', 'male'] as const) {
      expect(scoreInstrument('ort', buildOrt('ort'), { sex, ageYears }).total).toBe(total);
    }
  });
});

describe('ORT bands (0–3 low, 4–7 moderate, ≥ 8 high)', () => {
  it.each([
    [['family-alcohol', 'family-illegal-drugs'], 3, 'low'],
    [['family-prescription-drugs'], 4, 'moderate'],
    [['personal-prescription-drugs', 'family-illegal-drugs'], 7, 'moderate'],
    [['personal-prescription-drugs', 'personal-alcohol'], 8, 'high'],
  ])('female %j -> %i %s', (yes, total, band) => {
    expect(scoreInstrument('ort', buildOrt('ort', yes), { sex: 'female', ageYears: OLDER })).toMatchObject({ total, band: { code: band } });
  });
});

describe('ORT: no total without the context its rule needs (never guessed)', () => {
  it.each<[string, ScoreContext, string[]]>([
    ['sex other', { sex: 'other', ageYears: 30 }, ['ort.sex-needed']],
    ['sex unknown', { sex: 'unknown', ageYears: 30 }, ['ort.sex-needed']],
    ['no sex', { ageYears: 30 }, ['ort.sex-needed']],
    ['no age', { sex: 'female' }, ['ort.age-needed']],
    ['age not whole', { sex: 'male', ageYears: 30.5 }, ['ort.age-needed']],
    ['nothing', {}, ['ort.sex-needed', 'ort.age-needed']],
  ])('%s', (_label, context, codes) => {
    const score = scoreInstrument('ort', buildOrt('ort', ['depression']), context);
    expect(score).toMatchObject({ complete: true, total: null, band: null });
    expect(score.issues.map((i) => i.code)).toEqual(codes);
    expect(score.issues.every((i) => i.severity === 'warning')).toBe(true);
  });
});

describe('ORT-OUD: unweighted, cut-off setting (default 3) [U]', () => {
  it.each(ORT_KEYS.filter((k) => k !== 'preadolescent-sexual-abuse'))('%s yes = 1', (key) => {
    expect(scoreInstrument('ort-oud', buildOrt('ort-oud', [key]), { ageYears: OLDER }).total).toBe(1);
  });

  it.each([
    [[], 15, 0, 'low'],
    [[], 16, 1, 'low'],
    [['depression'], 45, 2, 'low'],
    [['depression', 'personal-alcohol'], 45, 3, 'high'],
    [['depression', 'personal-alcohol'], 46, 2, 'low'],
  ])('%j at age %i -> %i %s, naming the setting', (yes, ageYears, total, band) => {
    const score = scoreInstrument('ort-oud', buildOrt('ort-oud', yes), { ageYears });
    expect(score).toMatchObject({ total, band: { code: band, setting: 'ortOudHighRiskCutoff=3 (v1)' } });
  });

  it('uses a clinic cut-off of 4 and says so', () => {
    const settings = { ...DEFAULT_MEASURE_SETTINGS, ortOudHighRiskCutoff: 4 };
    const yes = ['depression', 'personal-alcohol', 'family-alcohol'];
    const score = scoreInstrument('ort-oud', buildOrt('ort-oud', yes), { ageYears: OLDER }, settings);
    expect(score.band).toEqual({ code: 'low', label: 'Low risk', setting: 'ortOudHighRiskCutoff=4 (v1)' });
  });

  it('does not need sex, and has no sexual-abuse item', () => {
    expect(scoreInstrument('ort-oud', buildOrt('ort-oud'), { ageYears: 30 }).issues).toEqual([]);
    const score = scoreInstrument('ort-oud', { ...buildOrt('ort-oud'), 'ort-oud.preadolescent-sexual-abuse': true }, { ageYears: 30 });
    expect(score.issues.map((i) => [i.code, i.path])).toEqual([['measure.unknown-item', 'ort-oud.preadolescent-sexual-abuse']]);
  });

  it('needs the age', () => {
    expect(scoreInstrument('ort-oud', buildOrt('ort-oud'), {}).issues.map((i) => i.code)).toEqual(['ort-oud.age-needed']);
  });
});
