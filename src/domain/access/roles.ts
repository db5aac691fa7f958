/**
 * Roles in a Painpath clinic (PRODUCT.md, "Who uses it"). Source: issue "Foundation", Accounts.
 * Staff roles see patients through care-team membership; patient and caregiver roles are person-facing.
 */
export const ROLES = [
  'patient',
  'caregiver',
  'prescriber',
  'therapist',
  'behavioural_health',
  'pharmacist',
  'care_coordinator',
  'clinic_lead',
  'administrator',
] as const;

export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = [
  'prescriber',
  'therapist',
  'behavioural_health',
  'pharmacist',
  'care_coordinator',
  'clinic_lead',
  'administrator',
];

/** Plain-language labels shown on screen. */
export const ROLE_LABELS: Record<Role, string> = {
  patient: 'Patient',
  caregiver: 'Caregiver',
  prescriber: 'Prescriber',
  therapist: 'Therapist',
  behavioural_health: 'Behavioural-health clinician',
  pharmacist: 'Pharmacist',
  care_coordinator: 'Care coordinator',
  clinic_lead: 'Clinic lead',
  administrator: 'Administrator',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isStaffRole(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
