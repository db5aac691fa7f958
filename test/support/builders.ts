/** Builders that create real rows: build*(db, overrides). */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/domain/access/roles';
import type { Db } from '../../src/db/client';
import { careTeamMembers, careTeams, caregiverConsents, organisations, patients, users } from '../../src/db/schema';
import { hashPassword } from '../../src/server/auth/password';

export const TEST_PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | undefined;
const unique = (): string => randomBytes(4).toString('hex');

export async function buildOrg(db: Db, overrides: Partial<typeof organisations.$inferInsert> = {}): Promise<typeof organisations.$inferSelect> {
  const rows = await db.insert(organisations).values({ name: `Test clinic ${unique()}`, settings: {}, ...overrides }).returning();
  return rows[0] as typeof organisations.$inferSelect;
}

export async function buildUser(
  db: Db,
  input: { orgId: string; role: Role; email?: string; displayName?: string; patientId?: string | null; password?: string },
): Promise<typeof users.$inferSelect> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = input.password ? await hashPassword(input.password) : await cachedHash;
  const rows = await db
    .insert(users)
    .values({
      orgId: input.orgId,
      role: input.role,
      email: input.email ?? `${input.role}.${unique()}@test.example`,
      displayName: input.displayName ?? `Test ${input.role}`,
      patientId: input.patientId ?? null,
      passwordHash,
    })
    .returning();
  return rows[0] as typeof users.$inferSelect;
}

export async function buildCareTeam(db: Db, input: { orgId: string; name?: string; memberIds?: string[] }): Promise<typeof careTeams.$inferSelect> {
  const rows = await db.insert(careTeams).values({ orgId: input.orgId, name: input.name ?? `Team ${unique()}` }).returning();
  const team = rows[0] as typeof careTeams.$inferSelect;
  for (const userId of input.memberIds ?? []) await db.insert(careTeamMembers).values({ orgId: input.orgId, careTeamId: team.id, userId });
  return team;
}

export async function buildPatient(db: Db, overrides: Partial<typeof patients.$inferInsert> & { orgId: string }): Promise<typeof patients.$inferSelect> {
  const rows = await db
    .insert(patients)
    .values({
      mrn: `T-${unique()}`,
      givenName: 'Alex',
      familyName: `Rivera${unique()}`,
      birthDate: '1970-05-04',
      sex: 'unknown',
      ...overrides,
    })
    .returning();
  return rows[0] as typeof patients.$inferSelect;
}

export async function buildConsent(
  db: Db,
  input: { orgId: string; patientId: string; caregiverUserId: string; scopes?: string[]; expiresAt?: Date | null; revokedAt?: Date | null; grantedAt?: Date },
): Promise<void> {
  await db.insert(caregiverConsents).values({
    orgId: input.orgId,
    patientId: input.patientId,
    caregiverUserId: input.caregiverUserId,
    scopes: input.scopes ?? ['demographics'],
    expiresAt: input.expiresAt ?? null,
    revokedAt: input.revokedAt ?? null,
    grantedAt: input.grantedAt ?? new Date('2026-01-01T00:00:00Z'),
  });
}

/** A small clinic: two teams, staff on each, a patient per team, a patient account and a caregiver. */
export async function buildClinic(db: Db) {
  const org = await buildOrg(db);
  const prescriberA = await buildUser(db, { orgId: org.id, role: 'prescriber', displayName: 'Dr. Team A' });
  const therapistB = await buildUser(db, { orgId: org.id, role: 'therapist', displayName: 'Therapist Team B' });
  const bhA = await buildUser(db, { orgId: org.id, role: 'behavioural_health' });
  const coordinator = await buildUser(db, { orgId: org.id, role: 'care_coordinator' });
  const lead = await buildUser(db, { orgId: org.id, role: 'clinic_lead' });
  const admin = await buildUser(db, { orgId: org.id, role: 'administrator' });
  const teamA = await buildCareTeam(db, { orgId: org.id, name: 'Team A', memberIds: [prescriberA.id, bhA.id] });
  const teamB = await buildCareTeam(db, { orgId: org.id, name: 'Team B', memberIds: [therapistB.id] });
  const patientA = await buildPatient(db, { orgId: org.id, careTeamId: teamA.id, coordinatorUserId: coordinator.id, givenName: 'Amara', familyName: 'Okoye', birthDate: '1961-03-09', mrn: 'A-1' });
  const patientB = await buildPatient(db, { orgId: org.id, careTeamId: teamB.id, givenName: 'Bao', familyName: 'Tran', birthDate: '1988-12-01', mrn: 'B-1' });
  const patientUser = await buildUser(db, { orgId: org.id, role: 'patient', patientId: patientA.id });
  const caregiver = await buildUser(db, { orgId: org.id, role: 'caregiver' });
  await buildConsent(db, { orgId: org.id, patientId: patientA.id, caregiverUserId: caregiver.id, scopes: ['demographics', 'appointments'] });
  return { org, prescriberA, therapistB, bhA, coordinator, lead, admin, teamA, teamB, patientA, patientB, patientUser, caregiver };
}

/**
 * The body of POST /api/v1/patients/:id/care-plan: an active plan in the extending-window phase with one
 * goal (baseline 2, target 7), one weekly rehabilitation intervention owned by `ownerUserId`, checkpoints
 * every 14 days from 2026-11-20 and one graduation criterion.
 */
export function buildCarePlanBody(input: { ownerUserId: string; title: string; activity: string; goal: string; targetDate: string; intervention: string; criterion: string }) {
  return {
    title: input.title,
    status: 'active',
    startDate: '2026-09-01',
    phase: 'extending-window',
    ongoingCare: null,
    baselineSymptomScore: 6,
    goals: [{ id: 'g1', activity: input.activity, statement: input.goal, baselineScore: 2, targetScore: 7, targetDate: input.targetDate, status: 'active' }],
    interventions: [{ id: 'i1', domain: 'rehabilitation', description: input.intervention, ownerUserId: input.ownerUserId, ownerRole: null, status: 'active', expectedStartDate: null, expectedWaitDays: null, bridgePlan: null }],
    checkpointSchedule: { firstDate: '2026-11-20', intervalDays: 14 },
    graduationCriteria: [{ id: 'c1', statement: input.criterion, goalId: 'g1' }],
    patientSummary: null,
  };
}
