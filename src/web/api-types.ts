/**
 * Shapes of the JSON the Painpath REST API (/api/v1) sends back, as the web app reads them.
 * The server owns these contracts; keep this file in step with its route schemas.
 */
import type { Role } from '../domain/access/roles';
import type { AccessBasis } from '../domain/access/patient-access';
import type { PatientDemographics, Sex } from '../domain/patients/patient';

export interface SessionUser {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  orgId: string;
  orgName: string;
  patientId: string | null;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Items<T> {
  items: T[];
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface PatientSummary {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  birthDate: string;
  age: number;
  sex: Sex;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  careTeam: NamedRef | null;
  coordinator: PersonRef | null;
}

export type { AccessBasis };

export interface CareTeamMember {
  id: string;
  displayName: string;
  role: Role | string;
}

/** GET /api/v1/patients/:id: the demographics (one definition, in the domain) and what the server adds. */
export interface PatientDetail extends PatientDemographics {
  id: string;
  age: number;
  version: number;
  careTeam: { id: string; name: string; members: CareTeamMember[] } | null;
  coordinator: { id: string; displayName: string; email: string | null } | null;
  access: { basis: AccessBasis; reason: string; expiresAt?: string };
}

/** Fields PATCH /api/v1/patients/:id accepts. */
export interface PatientEdit {
  phone: string | null;
  email: string | null;
  addressLine: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  preferredName: string | null;
  pronouns: string | null;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  payer: string | null;
}

export interface AccessEvent {
  seq: number;
  occurredAt: string;
  actorName: string | null;
  actorType: string;
  action: string;
  resourceType: string;
  reason: string | null;
  ip: string | null;
}

export type TaskPriority = 'low' | 'routine' | 'high' | 'urgent';
export type TaskStatus = 'open' | 'in_progress' | 'done' | 'cancelled';

export interface Task {
  id: string;
  patientId: string | null;
  patientName: string | null;
  type: string;
  title: string;
  details: string | null;
  assigneeUserId: string | null;
  assigneeName: string | null;
  assigneeRole: string | null;
  careTeamId: string | null;
  careTeamName: string | null;
  dueAt: string | null;
  priority: TaskPriority;
  source: string;
  status: TaskStatus;
  overdue: boolean;
  remindedAt: string | null;
  version: number;
  createdAt: string;
}

export interface NewTask {
  patientId: string;
  type: 'general' | 'follow-up';
  title: string;
  details?: string;
  assigneeUserId?: string;
  careTeamId?: string;
  dueAt?: string;
  priority?: TaskPriority;
}

export interface MyPatient {
  id: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  relationship: 'self' | 'caregiver';
  scopes: string[];
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; problem: string } | null;
}

export const TOKEN_SCOPES = ['patients.read', 'patients.write', 'restricted.read'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface ApiToken {
  id: string;
  name: string;
  tokenPrefix: string;
  scopes: TokenScope[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface BreakGlassGrant {
  patientId: string;
  expiresAt: string;
}
