import { describe, expect, it } from 'vitest';
import { BRINJIKJI_2015, SPINE_FINDINGS, TABULATED_AGES, type SpineFinding } from './brinjikji-2015';
import { AGE_RULE, imagingContext, prevalenceAtAge, validateImagingRequest } from './context';
import { ALARM_WORDS } from './wording';

// clinical-facts.md section 6, copied row by row (independently of the module's table).
const REFERENCE: [SpineFinding, number[]][] = [
  ['disc-degeneration', [37, 52, 68, 80, 88, 93, 96]],
  ['disc-signal-loss', [17, 33, 54, 73, 86, 94, 97]],
  ['disc-height-loss', [24, 34, 45, 56, 67, 76, 84]],
  ['disc-bulge', [30, 40, 50, 60, 69, 77, 84]],
  ['disc-protrusion', [29, 31, 33, 36, 38, 40, 43]],
  ['annular-fissure', [19, 20, 22, 23, 25, 27, 29]],
  ['facet-degeneration', [4, 9, 18, 32, 50, 69, 83]],
  ['spondylolisthesis', [3, 5, 8, 14, 23, 35, 50]],
];
const cells = REFERENCE.flatMap(([finding, row]) => row.map((percent, i) => ({ finding, age: TABULATED_AGES[i] ?? 0, percent })));

describe('Brinjikji 2015 table', () => {
  it('covers exactly the eight findings of the reference', () => {
    expect([...SPINE_FINDINGS].sort()).toEqual(REFERENCE.map(([f]) => f).sort());
  });

  it.each(cells)('$finding at $age → $percent %', ({ finding, age, percent }) => {
    const r = prevalenceAtAge(finding, age);
    expect(r).toMatchObject({ percent, method: 'tabulated' });
    expect(r.points).toHaveLength(1);
  });

  it.each([
    ['disc-degeneration', 20, 'V'],
    ['disc-degeneration', 80, 'V'],
    ['disc-bulge', 20, 'V'],
    ['disc-bulge', 80, 'V'],
    ['disc-protrusion', 80, 'V'],
    ['annular-fissure', 20, 'V'],
    ['disc-degeneration', 50, 'S'],
    ['disc-signal-loss', 60, 'S'],
    ['spondylolisthesis', 80, 'S'],
    ['facet-degeneration', 20, 'S'],
  ] as const)('%s at %i has certainty %s', (finding, age, certainty) => {
    expect(imagingContext(finding, age).certainty).toBe(certainty);
  });

  it('flags the ages the review had no source data for (facet degeneration and spondylolisthesis at 20 and 30)', () => {
    for (const f of ['facet-degeneration', 'spondylolisthesis'] as const) {
      expect(BRINJIKJI_2015[f].noSourceData).toEqual([20, 30]);
      expect(imagingContext(f, 25).issues.map((i) => i.code)).toEqual(['imaging.no-source-data-at-age']);
      expect(imagingContext(f, 40).issues).toEqual([]);
    }
  });
});

describe('ages between and outside the decades', () => {
  it.each([
    // finding, age, expected percent, method
    ['disc-bulge', 45, 55, 'interpolated'], // 50 → 60
    ['disc-bulge', 21, 31, 'interpolated'], // 30 + 10 × 0.1
    ['disc-bulge', 29, 39, 'interpolated'],
    ['disc-bulge', 79, 83, 'interpolated'], // 77 + 7 × 0.9 = 83.3
    ['disc-degeneration', 35, 60, 'interpolated'], // 52 + 16 × 0.5
    ['disc-protrusion', 55, 37, 'interpolated'], // 36 + 2 × 0.5 = 37
    ['annular-fissure', 25, 20, 'interpolated'], // 19.5 rounds half up to 20
    ['disc-signal-loss', 65, 90, 'interpolated'], // 86 → 94
    ['facet-degeneration', 64, 58, 'interpolated'], // 50 + 19 × 0.4 = 57.6
    ['spondylolisthesis', 75, 43, 'interpolated'], // 35 + 15 × 0.5 = 42.5 → 43
    ['disc-height-loss', 19, 24, 'clamped-below'],
    ['disc-height-loss', 0, 24, 'clamped-below'],
    ['disc-height-loss', 81, 84, 'clamped-above'],
    ['disc-height-loss', 120, 84, 'clamped-above'],
    ['disc-height-loss', 20, 24, 'tabulated'],
    ['disc-height-loss', 80, 84, 'tabulated'],
  ] as const)('%s at %i → %i %% (%s)', (finding, age, percent, method) => {
    const r = imagingContext(finding, age);
    expect(r.prevalencePercent).toBe(percent);
    expect(r.method).toBe(method);
    expect(r.ageRule).toBe(AGE_RULE);
  });

  it('uses both neighbouring points when interpolating and takes the weaker certainty', () => {
    const r = imagingContext('disc-bulge', 75);
    expect(r.pointsUsed.map((p) => p.age)).toEqual([70, 80]);
    expect(r.certainty).toBe('S'); // 70 is [S], 80 is [V]
  });

  it('says when an age is outside the ages studied', () => {
    expect(imagingContext('disc-bulge', 85).issues.map((i) => i.code)).toEqual(['imaging.age-clamped-above']);
    expect(imagingContext('disc-bulge', 18).issues.map((i) => i.code)).toEqual(['imaging.age-clamped-below']);
  });

  it.each([-1, 121, 40.5, Number.NaN])('throws for a programmer error age %s', (age) => {
    expect(() => prevalenceAtAge('disc-bulge', age)).toThrow();
  });
});

describe('wording', () => {
  const everyCase = SPINE_FINDINGS.flatMap((f) => [18, 20, 37, 52, 80, 90].map((age) => ({ f, age })));

  it.each(everyCase)('patient wording for $f at $age has no alarm words and states the figure', ({ f, age }) => {
    const r = imagingContext(f, age);
    const text = r.patientWording.toLowerCase();
    for (const word of ALARM_WORDS) expect(text).not.toContain(word);
    expect(r.patientWording).toContain(`About ${r.prevalencePercent} in 100 people aged ${age} who have no back pain`);
    expect(r.reportWording).toContain(`${r.prevalencePercent}%`);
    expect(r.reportWording).toContain('Brinjikji');
  });

  it.each([
    ['disc-degeneration', 50, 'most people your age'], // 80 %
    ['disc-bulge', 30, 'common in people your age'], // 40 %
    ['annular-fissure', 40, 'Many people your age'], // 22 %
    ['spondylolisthesis', 30, 'less common at your age'], // 5 %
  ] as const)('scales the claim to the figure: %s at %i says "%s"', (f, age, phrase) => {
    expect(imagingContext(f, age).patientWording).toContain(phrase);
  });

  it('never calls a rare finding common', () => {
    const text = imagingContext('facet-degeneration', 20).patientWording;
    expect(text).not.toMatch(/most people|is common/);
  });
});

describe('validateImagingRequest', () => {
  it('accepts a good request', () => {
    expect(validateImagingRequest(45, ['disc-bulge', 'annular-fissure'])).toEqual([]);
  });
  it('lists every bad field with its path', () => {
    expect(validateImagingRequest(130, ['disc-bulge', 'bone-spur', 'disc-bulge'], 'body.').map((i) => [i.code, i.path])).toEqual([
      ['imaging.age-invalid', 'body.age'],
      ['imaging.finding-unknown', 'body.findings[1]'],
      ['imaging.finding-duplicate', 'body.findings[2]'],
    ]);
    expect(validateImagingRequest(40, []).map((i) => i.code)).toEqual(['imaging.findings-required']);
  });
});
