/** All demo patients, in MRN order. Data lives in one file per care team. */
import type { DemoPatientSpec } from './demo-patient-spec';
import { NORTH_TEAM_PATIENTS } from './demo-patients-north';
import { RURAL_TEAM_PATIENTS } from './demo-patients-rural';
import { SOUTH_TEAM_PATIENTS } from './demo-patients-south';

export type { DemoPatientSpec } from './demo-patient-spec';

export const DEMO_PATIENTS: readonly DemoPatientSpec[] = [
  ...NORTH_TEAM_PATIENTS,
  ...SOUTH_TEAM_PATIENTS,
  ...RURAL_TEAM_PATIENTS,
].sort((a, b) => a.mrn.localeCompare(b.mrn));
