/** Facts the access decision needs: care-team membership, caregiver consents, break-glass grants. */
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { BreakGlassGrant, CaregiverConsent } from '../../domain/access/patient-access';
import type { DbOrTx } from '../client';
import { preparedFor } from '../prepared';
import { breakGlassGrants, careTeamMembers, caregiverConsents, patients } from '../schema';

export async function careTeamMemberIds(db: DbOrTx, careTeamId: string | null): Promise<string[]> {
  if (!careTeamId) return [];
  const query = preparedFor(db, 'care_team_member_ids', (d, name) =>
    d.select({ userId: careTeamMembers.userId }).from(careTeamMembers).where(eq(careTeamMembers.careTeamId, sql.placeholder('careTeamId'))).prepare(name),
  );
  const rows = await query.execute({ careTeamId });
  return rows.map((r) => r.userId);
}

export async function consentsFor(db: DbOrTx, caregiverUserId: string, patientId?: string): Promise<CaregiverConsent[]> {
  const where = patientId
    ? and(eq(caregiverConsents.caregiverUserId, caregiverUserId), eq(caregiverConsents.patientId, patientId))
    : eq(caregiverConsents.caregiverUserId, caregiverUserId);
  const rows = await db.select().from(caregiverConsents).where(where);
  return rows.map((r) => ({
    caregiverUserId: r.caregiverUserId,
    patientId: r.patientId,
    scopes: r.scopes,
    grantedAt: r.grantedAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
  }));
}

export async function breakGlassFor(db: DbOrTx, userId: string, patientId: string, asOf: Date): Promise<BreakGlassGrant[]> {
  const rows = await db
    .select()
    .from(breakGlassGrants)
    .where(and(eq(breakGlassGrants.userId, userId), eq(breakGlassGrants.patientId, patientId), gt(breakGlassGrants.expiresAt, asOf)))
    .orderBy(desc(breakGlassGrants.expiresAt));
  return rows.map((r) => ({ userId: r.userId, patientId: r.patientId, startedAt: r.startedAt, expiresAt: r.expiresAt }));
}

export async function insertBreakGlass(
  db: DbOrTx,
  row: { orgId: string; patientId: string; userId: string; reason: string; startedAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(breakGlassGrants).values(row);
}

export async function caregiverPatients(
  db: DbOrTx,
  caregiverUserId: string,
): Promise<{ consent: CaregiverConsent; patient: { id: string; givenName: string; familyName: string; preferredName: string | null } }[]> {
  const rows = await db
    .select({
      consent: caregiverConsents,
      id: patients.id,
      givenName: patients.givenName,
      familyName: patients.familyName,
      preferredName: patients.preferredName,
    })
    .from(caregiverConsents)
    .innerJoin(patients, eq(patients.id, caregiverConsents.patientId))
    .where(eq(caregiverConsents.caregiverUserId, caregiverUserId));
  return rows.map((r) => ({
    consent: {
      caregiverUserId: r.consent.caregiverUserId,
      patientId: r.consent.patientId,
      scopes: r.consent.scopes,
      grantedAt: r.consent.grantedAt,
      expiresAt: r.consent.expiresAt,
      revokedAt: r.consent.revokedAt,
    },
    patient: { id: r.id, givenName: r.givenName, familyName: r.familyName, preferredName: r.preferredName },
  }));
}
