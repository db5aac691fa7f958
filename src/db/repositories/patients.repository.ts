/** Patients, their care teams and coordinators. Search only ever returns patients the caller may see. */
import DataLoader from 'dataloader';
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PatientDemographics } from '../../domain/patients/patient';
import type { DbOrTx } from '../client';
import { preparedFor } from '../prepared';
import { careTeamMembers, careTeams, patients, users } from '../schema';

export type PatientRow = typeof patients.$inferSelect;

export interface TeamMember {
  id: string;
  displayName: string;
  role: string;
}

export async function getPatient(db: DbOrTx, orgId: string, id: string): Promise<PatientRow | undefined> {
  const query = preparedFor(db, 'get_patient', (d, name) =>
    d.select().from(patients).where(and(eq(patients.orgId, sql.placeholder('orgId')), eq(patients.id, sql.placeholder('id')))).limit(1).prepare(name),
  );
  const rows = await query.execute({ orgId, id });
  return rows[0];
}

export interface PatientWithCareTeam {
  patient: PatientRow;
  careTeam: { id: string; name: string } | null;
  /** Members of the patient's care team, by display name. */
  members: TeamMember[];
  coordinator: { id: string; displayName: string; email: string; role: string } | null;
}

/**
 * A patient with its care team, the team's members and its coordinator, in one round trip.
 *
 * On the pool (not inside a transaction) the reads made while one turn of the event loop handles incoming
 * requests are answered by one query (DataLoader, scheduled with setImmediate): under load, many patient
 * reads arrive together and each round trip to PostgreSQL costs the server and PostgreSQL more than the
 * rows do. Nothing is cached between batches, so every read sees the database as it is.
 */
export async function getPatientWithCareTeam(db: DbOrTx, orgId: string, id: string): Promise<PatientWithCareTeam | undefined> {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new DataLoader<PatientKey, PatientWithCareTeam | undefined, string>((keys) => loadPatientsWithCareTeam(db, keys), {
      cache: false,
      maxBatchSize: 200,
      batchScheduleFn: (run) => setImmediate(run),
    });
    loaders.set(db, loader);
  }
  return loader.load({ orgId, id });
}

interface PatientKey {
  orgId: string;
  id: string;
}
const loaders = new WeakMap<object, DataLoader<PatientKey, PatientWithCareTeam | undefined, string>>();

async function loadPatientsWithCareTeam(db: DbOrTx, keys: readonly PatientKey[]): Promise<(PatientWithCareTeam | undefined)[]> {
  const query = preparedFor(db, 'get_patients_with_care_team', (d, name) =>
    d
      .select({
        patient: patients,
        careTeamName: careTeams.name,
        members: sql<TeamMember[]>`coalesce((select json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'role', u.role) order by u.display_name)
          from ${careTeamMembers} m join ${users} u on u.id = m.user_id where m.care_team_id = ${patients.careTeamId}), '[]'::json)`,
        coordinator: sql<PatientWithCareTeam['coordinator']>`(select json_build_object('id', c.id, 'displayName', c.display_name, 'email', c.email, 'role', c.role)
          from ${users} c where c.org_id = ${patients.orgId} and c.id = ${patients.coordinatorUserId})`,
      })
      .from(patients)
      .leftJoin(careTeams, and(eq(careTeams.id, patients.careTeamId), eq(careTeams.orgId, patients.orgId)))
      .where(sql`${patients.id} = any(${sql.placeholder('ids')}::uuid[])`)
      .prepare(name),
  );
  const rows = await query.execute({ ids: [...new Set(keys.map((k) => k.id))] });
  const byId = new Map(rows.map((row) => [row.patient.id, row]));
  return keys.map(({ orgId, id }) => {
    const row = byId.get(id);
    // A patient of another organisation is not found, exactly as if the id did not exist.
    if (!row || row.patient.orgId !== orgId) return undefined;
    // Two reads of one patient in a batch share a row: each gets its own copies.
    return {
      patient: { ...row.patient },
      careTeam: row.patient.careTeamId && row.careTeamName !== null ? { id: row.patient.careTeamId, name: row.careTeamName } : null,
      members: row.patient.careTeamId ? row.members.map((m) => ({ ...m })) : [],
      coordinator: row.coordinator ? { ...row.coordinator } : null,
    };
  });
}

export async function getPatientByMrn(db: DbOrTx, orgId: string, mrn: string): Promise<PatientRow | undefined> {
  const rows = await db.select().from(patients).where(and(eq(patients.orgId, orgId), eq(patients.mrn, mrn))).limit(1);
  return rows[0];
}

export async function teamMembers(db: DbOrTx, careTeamId: string): Promise<TeamMember[]> {
  const query = preparedFor(db, 'team_members', (d, name) =>
    d
      .select({ id: users.id, displayName: users.displayName, role: users.role })
      .from(careTeamMembers)
      .innerJoin(users, eq(users.id, careTeamMembers.userId))
      .where(eq(careTeamMembers.careTeamId, sql.placeholder('careTeamId')))
      .orderBy(asc(users.displayName))
      .prepare(name),
  );
  return query.execute({ careTeamId });
}

export async function getCareTeam(db: DbOrTx, orgId: string, id: string): Promise<{ id: string; name: string } | undefined> {
  const query = preparedFor(db, 'get_care_team', (d, name) =>
    d
      .select({ id: careTeams.id, name: careTeams.name })
      .from(careTeams)
      .where(and(eq(careTeams.orgId, sql.placeholder('orgId')), eq(careTeams.id, sql.placeholder('id'))))
      .prepare(name),
  );
  const rows = await query.execute({ orgId, id });
  return rows[0];
}

export async function getUserBrief(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<{ id: string; displayName: string; email: string; role: string } | undefined> {
  const query = preparedFor(db, 'get_user_brief', (d, name) =>
    d
      .select({ id: users.id, displayName: users.displayName, email: users.email, role: users.role })
      .from(users)
      .where(and(eq(users.orgId, sql.placeholder('orgId')), eq(users.id, sql.placeholder('id'))))
      .prepare(name),
  );
  const rows = await query.execute({ orgId, id });
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
