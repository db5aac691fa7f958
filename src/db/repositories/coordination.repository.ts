/** Queries for the coordinator's workspace and the huddle: whose patients, open tasks, last activity. */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { auditEvents, careTeamMembers, patients, tasks } from '../schema';

export interface WorkspacePatient {
  id: string;
  name: string;
  mrn: string;
  coordinatorUserId: string | null;
  preferredLanguage: string;
  interpreterNeeded: boolean;
}

/** Active patients I coordinate (scope 'mine') or on my care teams or coordinated by me (scope 'teams'). */
export async function workspacePatients(db: DbOrTx, orgId: string, userId: string, scope: 'mine' | 'teams', limit = 500): Promise<WorkspacePatient[]> {
  const myTeams = db.select({ id: careTeamMembers.careTeamId }).from(careTeamMembers).where(eq(careTeamMembers.userId, userId));
  const who = scope === 'mine' ? eq(patients.coordinatorUserId, userId) : or(eq(patients.coordinatorUserId, userId), inArray(patients.careTeamId, myTeams));
  const rows = await db
    .select({
      id: patients.id,
      given: patients.givenName,
      preferred: patients.preferredName,
      family: patients.familyName,
      mrn: patients.mrn,
      coordinatorUserId: patients.coordinatorUserId,
      preferredLanguage: patients.preferredLanguage,
      interpreterNeeded: patients.interpreterNeeded,
    })
    .from(patients)
    .where(and(eq(patients.orgId, orgId), eq(patients.active, true), who))
    .orderBy(patients.familyName, patients.givenName)
    .limit(limit);
  return rows.map((r) => ({ id: r.id, name: `${r.preferred ?? r.given} ${r.family}`, mrn: r.mrn, coordinatorUserId: r.coordinatorUserId, preferredLanguage: r.preferredLanguage, interpreterNeeded: r.interpreterNeeded }));
}

export interface OpenTaskBrief {
  id: string;
  patientId: string;
  type: string;
  title: string;
  dueAt: Date | null;
  priority: string;
  source: string;
}

export async function openTasksForPatients(db: DbOrTx, orgId: string, patientIds: readonly string[]): Promise<OpenTaskBrief[]> {
  if (patientIds.length === 0) return [];
  const rows = await db
    .select({ id: tasks.id, patientId: tasks.patientId, type: tasks.type, title: tasks.title, dueAt: tasks.dueAt, priority: tasks.priority, source: tasks.source })
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), inArray(tasks.patientId, [...patientIds]), inArray(tasks.status, ['open', 'in_progress'])));
  return rows.map((r) => ({ ...r, patientId: r.patientId as string }));
}

/**
 * The last recorded contact per patient: the latest audit event that changed the record (create or update
 * by anyone) or any action by the patient themselves. Reads by staff are not contact.
 */
export async function lastContact(db: DbOrTx, orgId: string, patientIds: readonly string[]): Promise<Map<string, Date>> {
  if (patientIds.length === 0) return new Map();
  const rows = await db
    .select({ patientId: auditEvents.patientId, last: sql<string>`max(${auditEvents.occurredAt})` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        inArray(auditEvents.patientId, [...patientIds]),
        or(inArray(auditEvents.action, ['create', 'update']), sql`${auditEvents.actorName} like '%(patient)'`),
      ),
    )
    .groupBy(auditEvents.patientId);
  return new Map(rows.filter((r) => r.patientId !== null).map((r) => [r.patientId as string, new Date(r.last)]));
}
