import { describe, expect, it } from 'vitest';
import { validateDemographics } from './validate';

const asOf = new Date('2026-11-22T10:00:00Z');

describe('validateDemographics', () => {
  it.each([
    [{ birthDate: '1980-02-30' }, ['patient.birth-date-invalid']],
    [{ birthDate: '2026-11-22' }, []],
    [{ birthDate: '2026-11-23' }, ['patient.birth-date-future']],
    [{ birthDate: '1896-11-22' }, []],
    [{ birthDate: '1896-11-21' }, ['patient.birth-date-too-old']],
    [{ givenName: '  ' }, ['patient.givenName-required']],
    [{ familyName: '' }, ['patient.familyName-required']],
    [{ mrn: ' ' }, ['patient.mrn-required']],
    [{ sex: 'f' }, ['patient.sex-unknown']],
    [{ race: 'martian' }, ['patient.race-unknown']],
    [{ ethnicity: 'x' }, ['patient.ethnicity-unknown']],
    [{ rurality: 'suburban' }, ['patient.rurality-unknown']],
    [{ email: 'not-an-email' }, ['patient.email-invalid']],
    [{ preferredLanguage: 'Spanish' }, ['patient.language-invalid']],
    [{ preferredLanguage: 'zh-Hant' }, []],
    [{ race: null, rurality: null }, []],
  ] as [Record<string, unknown>, string[]][])('%j -> %j', (input, codes) => {
    expect(validateDemographics(input, asOf).map((i) => i.code)).toEqual(codes);
  });

  it('lists every problem at once, with paths', () => {
    const issues = validateDemographics({ birthDate: '2030-01-01', sex: 'x' as never, email: 'bad' }, asOf, 'body.');
    expect(issues.map((i) => i.path)).toEqual(['body.birthDate', 'body.sex', 'body.email']);
  });
});
