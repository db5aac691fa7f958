/**
 * Person-facing demo accounts: patients who use the portal and one caregiver who helps with the patient's
 * consent. Every account uses the demo password (see demo.ts).
 */
export interface DemoPatientAccountSpec {
  patientMrn: string;
  email: string;
}

export const DEMO_PATIENT_ACCOUNTS: readonly DemoPatientAccountSpec[] = [
  { patientMrn: 'RB-100001', email: 'maria.garcia@patients.example' },
  { patientMrn: 'RB-100004', email: 'lan.nguyen@patients.example' },
  { patientMrn: 'RB-100008', email: 'denise.washington@patients.example' },
  // Dmitri Volkov takes oxycodone on a slow taper, with naloxone (demo-medications.ts): his "My medicines".
  { patientMrn: 'RB-100014', email: 'dmitri.volkov@patients.example' },
];

export interface DemoCaregiverSpec {
  displayName: string;
  email: string;
  /** The patient who consented, and to what. */
  patientMrn: string;
  relationship: string;
  scopes: readonly string[];
  grantedDaysAgo: number;
}

export const DEMO_CAREGIVER: DemoCaregiverSpec = {
  displayName: 'Ruth Harper',
  email: 'ruth.harper@family.example',
  patientMrn: 'RB-100017',
  relationship: 'daughter',
  scopes: ['demographics', 'appointments', 'check-ins'],
  grantedDaysAgo: 45,
};
