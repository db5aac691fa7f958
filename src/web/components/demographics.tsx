/** A patient's demographics as a definition list, with plain labels for coded values. */
import type { ReactElement, ReactNode } from 'react';
import type { PatientDetail } from '../api-types';
import { formatDate, formatLanguage } from '../format';

const RACE_LABELS: Record<string, string> = {
  'american-indian-or-alaska-native': 'American Indian or Alaska Native',
  asian: 'Asian',
  'black-or-african-american': 'Black or African American',
  'native-hawaiian-or-other-pacific-islander': 'Native Hawaiian or Other Pacific Islander',
  white: 'White',
  multiple: 'More than one race',
  unknown: 'Not known',
  declined: 'Chose not to say',
};

const ETHNICITY_LABELS: Record<string, string> = {
  'hispanic-or-latino': 'Hispanic or Latino',
  'not-hispanic-or-latino': 'Not Hispanic or Latino',
  unknown: 'Not known',
  declined: 'Chose not to say',
};

const SEX_LABELS: Record<string, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Not known' };

function orBlank(value: string | null | undefined): ReactNode {
  return value === null || value === undefined || value === '' ? <span className="muted">Not recorded</span> : value;
}

export function formatAddress(p: Pick<PatientDetail, 'addressLine' | 'city' | 'state' | 'postalCode'>): string {
  const cityLine = [p.city, [p.state, p.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [p.addressLine, cityLine].filter(Boolean).join(', ');
}

export function DemographicsList({ patient: p }: { patient: PatientDetail }): ReactElement {
  const rows: [string, ReactNode][] = [
    ['Legal name', `${p.givenName} ${p.familyName}`],
    ['Preferred name', orBlank(p.preferredName)],
    ['Pronouns', orBlank(p.pronouns)],
    ['Date of birth', `${formatDate(p.birthDate)} (age ${p.age})`],
    ['Sex', SEX_LABELS[p.sex] ?? p.sex],
    ['Gender identity', orBlank(p.genderIdentity)],
    ['Race', orBlank(p.race === null ? null : (RACE_LABELS[p.race] ?? p.race))],
    ['Ethnicity', orBlank(p.ethnicity === null ? null : (ETHNICITY_LABELS[p.ethnicity] ?? p.ethnicity))],
    ['Preferred language', formatLanguage(p.preferredLanguage)],
    ['Interpreter', p.interpreterNeeded ? 'Needed' : 'Not needed'],
    ['Phone', orBlank(p.phone)],
    ['Email', orBlank(p.email)],
    ['Address', orBlank(formatAddress(p))],
    ['Area', orBlank(p.rurality === null ? null : p.rurality === 'rural' ? 'Rural' : 'Urban')],
    ['Insurance', orBlank(p.payer)],
    ['MRN', p.mrn],
    ['Record status', p.active ? 'Active' : 'Inactive'],
  ];
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} className="facts-row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
