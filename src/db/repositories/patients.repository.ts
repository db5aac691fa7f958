/** Patients, their care teams and coordinators. Search only ever returns patients the caller may see. */
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PatientDemographics } from '../../domain/patients/patient';
import type { DbOrTx } from '../client';
import { careTeamMembers, careTeams, patients, users } from '../schema';

export type PatientRow = typeof patients.$inferSelect;

export interface TeamMember {
  id: string;
  displayName: string;
  role: string;
}

export async function getPatient(db: DbOrTx, orgId: string, id: string): Promise<PatientRow | undefined> {
  const rows = await db.select().from(patients).where(and(eq(patients.orgId, orgId), eq(patients.id, id))).limit(1);
  return rows[0];
}

export async function getPatientByMrn(db: DbOrTx, orgId: string, mrn: string): Promise<PatientRow | undefined> {
  const rows = await db.select().from(patients).where(and(eq(patients.orgId, orgId), eq(patients.mrn, mrn))).limit(1);
  return rows[0];
}

export async function teamMembers(db: DbOrTx, careTeamId: string): Promise<TeamMember[]> {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(careTeamMembers)
    .innerJoin(users, eq(users.id, careTeamMembers.userId))
    .where(eq(careTeamMembers.careTeamId, careTeamId))
    .orderBy(asc(users.displayName));
}

export async function getCareTeam(db: DbOrTx, orgId: string, id: string): Promise<{ id: string; name: string } | undefined> {
  const rows = await db
    .select({ id: careTeams.id, name: careTeams.name })
    .from(careTeams)
    .where(and(eq(careTeams.orgId, orgId), eq(careTeams.id, id)));
  return rows[0];
}

export async function getUserBrief(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<{ id: string; displayName: string; email: string; role: string } | undefined> {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  return rows[0];
}

export async function listCareTeams(db: DbOrTx, orgId: string): Promise<{ id: string; name: string }[]> {
  return db.select({ id: careTeams.id, name: careTeams.name }).from(careTeams).where(eq(careTeams.orgId, orgId)).orderBy(asc(careTeams.name));
}

export async function listCoordinators(db: DbOrTx, orgId: string): Promise<{ id: string; displayName: string }[]> {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'care_coordinator')))
    .orderBy(asc(users.displayName));
}

export interface PatientSearch {
  orgId: string;
  /** A staff member's user id (care-team or coordinator visibility), or 'all' for a scoped system token. */
  visibleTo: string | 'all';
  q?: string | undefined;
  birthDate?: string | undefined;
  identifier?: string | undefined;
  family?: string | undefined;
  given?: string | undefined;
  careTeamId?: string | undefined;
  coordinatorId?: string | undefined;
  limit: number;
  offset: number;
}

export interface PatientListRow extends PatientRow {
  careTeamName: string | null;
  coordinatorName: string | null;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function searchPatients(db: DbOrTx, search: PatientSearch): Promise<{ items: PatientListRow[]; total: number }> {
  const where: SQL[] = [eq(patients.orgId, search.orgId)];
  if (search.visibleTo !== 'all') {
    const uid = search.visibleTo;
    where.push(
      or(
        eq(patients.coordinatorUserId, uid),
        inArray(
          patients.careTeamId,
          db.select({ id: careTeamMembers.careTeamId }).from(careTeamMembers).where(eq(careTeamMembers.userId, uid)),
        ),
      ) as SQL,
    );
  }
  if (search.q) {
    for (const word of search.q.trim().split(/\s+/).slice(0, 4)) {
      const prefix = `${escapeLike(word.toLowerCase())}%`;
      where.push(
        or(
          sql`lower(${patients.familyName}) like ${prefix}`,
          sql`lower(${patients.givenName}) like ${prefix}`,
          sql`lower(coalesce(${patients.preferredName}, '')) like ${prefix}`,
          ilike(patients.mrn, `${escapeLike(word)}%`),
        ) as SQL,
      );
    }
  }
  if (search.family) where.push(sql`lower(${patients.familyName}) like ${`${escapeLike(search.family.toLowerCase())}%`}`);
  if (search.given) where.push(sql`lower(${patients.givenName}) like ${`${escapeLike(search.given.toLowerCase())}%`}`);
  if (search.birthDate) where.push(eq(patients.birthDate, search.birthDate));
  if (search.identifier) where.push(eq(patients.mrn, search.identifier.trim()));
  if (search.careTeamId) where.push(eq(patients.careTeamId, search.careTeamId));
  if (search.coordinatorId) where.push(eq(patients.coordinatorUserId, search.coordinatorId));
  const condition = and(...where);
  const [rows, totals] = await Promise.all([
    db
      .select({ patient: patients, careTeamName: careTeams.name, coordinatorName: users.displayName })
      .from(patients)
      .leftJoin(careTeams, eq(careTeams.id, patients.careTeamId))
      .leftJoin(users, eq(users.id, patients.coordinatorUserId))
      .where(condition)
      .orderBy(asc(patients.familyName), asc(patients.givenName), asc(patients.id))
      .limit(search.limit)
      .offset(search.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(patients).where(condition),
  ]);
  return {
    items: rows.map((r) => ({ ...r.patient, careTeamName: r.careTeamName, coordinatorName: r.coordinatorName })),
    total: totals[0]?.n ?? 0,
  };
}

export async function insertPatient(
  db: DbOrTx,
  orgId: string,
  demographics: PatientDemographics,
  assignment: { careTeamId: string | null; coordinatorUserId: string | null },
  asOf: Date,
): Promise<PatientRow> {
  const rows = await db
    .insert(patients)
    .values({ ...demographics, orgId, ...assignment, createdAt: asOf, updatedAt: asOf })
    .returning();
  return rows[0] as PatientRow;
}

/** Optimistic update: only when the stored version is `expectedVersion`; returns undefined otherwise. */
export async function updatePatient(
  db: DbOrTx,
  orgId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<PatientDemographics> & { careTeamId?: string | null; coordinatorUserId?: string | null },
  asOf: Date,
): Promise<PatientRow | undefined> {
  const rows = await db
    .update(patients)
    .set({ ...changes, version: sql`${patients.version} + 1`, updatedAt: asOf })
    .where(and(eq(patients.orgId, orgId), eq(patients.id, id), eq(patients.version, expectedVersion)))
    .returning();
  return rows[0];
}
