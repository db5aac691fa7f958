/**
 * Validation of patient demographics beyond what a JSON schema can say: real calendar dates, no birth date
 * in the future or more than 130 years back, value lists. Source: Foundation issue ("bad input anywhere
 * gets a clear error listing every bad field"). Returns every problem at once.
 */
import { error, type Issue } from '../issues';
import { isCalendarDate } from './age';
import { ETHNICITIES, RACES, RURALITIES, SEXES, type PatientDemographics } from './patient';

const MAX_AGE_YEARS = 130;

export function validateDemographics(input: Partial<PatientDemographics>, asOf: Date, pathPrefix = ''): Issue[] {
  const issues: Issue[] = [];
  const p = (name: string): string => `${pathPrefix}${name}`;
  if (input.birthDate !== undefined) {
    if (!isCalendarDate(input.birthDate)) {
      issues.push(error('patient.birth-date-invalid', 'Birth date must be a real date written YYYY-MM-DD.', p('birthDate')));
    } else {
      const today = asOf.toISOString().slice(0, 10);
      const oldest = `${asOf.getUTCFullYear() - MAX_AGE_YEARS}${today.slice(4)}`;
      if (input.birthDate > today) issues.push(error('patient.birth-date-future', 'Birth date cannot be in the future.', p('birthDate')));
      else if (input.birthDate < oldest) {
        issues.push(error('patient.birth-date-too-old', `Birth date is more than ${MAX_AGE_YEARS} years ago.`, p('birthDate')));
      }
    }
  }
  for (const [field, value] of [
    ['mrn', input.mrn],
    ['givenName', input.givenName],
    ['familyName', input.familyName],
  ] as const) {
    if (value !== undefined && value.trim() === '') issues.push(error(`patient.${field}-required`, `${label(field)} cannot be empty.`, p(field)));
  }
  const lists: [keyof PatientDemographics, readonly string[]][] = [
    ['sex', SEXES],
    ['race', RACES],
    ['ethnicity', ETHNICITIES],
    ['rurality', RURALITIES],
  ];
  for (const [field, allowed] of lists) {
    const value = input[field];
    if (value !== undefined && value !== null && !allowed.includes(value as string)) {
      issues.push(error(`patient.${field}-unknown`, `${label(field)} must be one of: ${allowed.join(', ')}.`, p(field)));
    }
  }
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) {
    issues.push(error('patient.email-invalid', 'E-mail address does not look right.', p('email')));
  }
  if (input.preferredLanguage !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.preferredLanguage)) {
    issues.push(error('patient.language-invalid', 'Language must be a language tag such as en, es or zh-Hant.', p('preferredLanguage')));
  }
  return issues;
}

function label(field: string): string {
  const labels: Record<string, string> = {
    mrn: 'Medical record number',
    givenName: 'Given name',
    familyName: 'Family name',
    sex: 'Sex',
    race: 'Race',
    ethnicity: 'Ethnicity',
    rurality: 'Rurality',
  };
  return labels[field] ?? field;
}
