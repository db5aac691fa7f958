/**
 * Staff and care teams of the demo clinic, "Riverbend Pain & Function Clinic" (all people are fictional).
 * Every staff role is present. Access to patients comes from care-team membership only, so the clinic lead
 * sits on one team and the administrator on none.
 */
import type { Role } from '../../domain/access/roles';

export const DEMO_ORGANISATION_NAME = 'Riverbend Pain & Function Clinic';
export const DEMO_EMAIL_DOMAIN = 'riverbend.example';

export type DemoTeamKey = 'north' | 'south' | 'rural';

export const DEMO_TEAMS: Record<DemoTeamKey, string> = {
  north: 'North team',
  south: 'South team',
  rural: 'Rural outreach team',
};

export type DemoStaffKey =
  | 'okafor'
  | 'hoang'
  | 'bell'
  | 'chen'
  | 'lindqvist'
  | 'raman'
  | 'whitehorse'
  | 'morales'
  | 'kowalski'
  | 'ortega';

export interface DemoStaffSpec {
  key: DemoStaffKey;
  role: Role;
  displayName: string;
  email: string;
  /** Profession as a person would say it, used in the login note. */
  profession: string;
  teams: readonly DemoTeamKey[];
}

export const DEMO_STAFF: readonly DemoStaffSpec[] = [
  {
    key: 'okafor',
    role: 'prescriber',
    displayName: 'Dr. Chidi Okafor, MD',
    email: 'dr.okafor@riverbend.example',
    profession: 'Physician (physical medicine and rehabilitation)',
    teams: ['north'],
  },
  {
    key: 'hoang',
    role: 'prescriber',
    displayName: 'Lena Hoang, NP',
    email: 'lena.hoang@riverbend.example',
    profession: 'Nurse practitioner',
    teams: ['south', 'rural'],
  },
  {
    key: 'bell',
    role: 'therapist',
    displayName: 'Marcus Bell, PT',
    email: 'marcus.bell@riverbend.example',
    profession: 'Physical therapist',
    teams: ['north', 'south'],
  },
  {
    key: 'chen',
    role: 'therapist',
    displayName: 'Mei-Ling Chen, LAc',
    email: 'meiling.chen@riverbend.example',
    profession: 'Acupuncturist',
    teams: ['south', 'rural'],
  },
  {
    key: 'lindqvist',
    role: 'behavioural_health',
    displayName: 'Dr. Sofia Lindqvist, PsyD',
    email: 'dr.lindqvist@riverbend.example',
    profession: 'Psychologist',
    teams: ['north', 'south', 'rural'],
  },
  {
    key: 'raman',
    role: 'pharmacist',
    displayName: 'Priya Raman, PharmD',
    email: 'priya.raman@riverbend.example',
    profession: 'Clinical pharmacist',
    teams: ['north', 'south', 'rural'],
  },
  {
    key: 'whitehorse',
    role: 'care_coordinator',
    displayName: 'Jordan Whitehorse',
    email: 'jordan.whitehorse@riverbend.example',
    profession: 'Care coordinator',
    teams: ['north', 'rural'],
  },
  {
    key: 'morales',
    role: 'care_coordinator',
    displayName: 'Ana Morales',
    email: 'ana.morales@riverbend.example',
    profession: 'Care coordinator (Spanish and English)',
    teams: ['south'],
  },
  {
    key: 'kowalski',
    role: 'clinic_lead',
    displayName: 'Dr. Hannah Kowalski, MD',
    email: 'dr.kowalski@riverbend.example',
    profession: 'Clinic lead',
    teams: ['north'],
  },
  {
    key: 'ortega',
    role: 'administrator',
    displayName: 'Sam Ortega',
    email: 'sam.ortega@riverbend.example',
    profession: 'Administrator',
    teams: [],
  },
];

/** The coordinator named on every patient of a team (must be a member of that team). */
export const DEMO_TEAM_COORDINATOR: Record<DemoTeamKey, DemoStaffKey> = {
  north: 'whitehorse',
  south: 'morales',
  rural: 'whitehorse',
};

/** A short note for the printed list of logins, e.g. "Physical therapist; on North team and South team". */
export function staffNote(spec: DemoStaffSpec): string {
  if (spec.teams.length === 0) return `${spec.profession}; on no care team, so sees no patient records`;
  const names = spec.teams.map((t) => DEMO_TEAMS[t]);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${spec.profession}; on ${list}`;
}
