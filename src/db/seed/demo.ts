/**
 * The demo clinic: "Riverbend Pain & Function Clinic" with staff in every role, three care teams, about
 * twenty patients with varied, respectful chronic-pain histories, portal and caregiver accounts, and a few
 * open tasks. All people, places and numbers are fictional (.example e-mail domains, 555-01xx phones).
 *
 * Rules kept here:
 * - One transaction: the clinic is seeded completely or not at all.
 * - Only on an empty database: it throws if any organisation exists, under a table lock so two seeds
 *   started at once cannot both pass the check.
 * - Dates come from `asOf`, so ages and overdue items look the same whenever it runs.
 * - Words follow the person-first table in reference/clinical-facts.md section 9.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles';
import type { Db, DbOrTx } from '../client';
import {
  careTeamMembers,
  careTeams,
  caregiverConsents,
  organisations,
  patients,
  taskHistory,
  tasks,
  users,
} from '../schema';
import { addDays, birthDateForAge } from './dates';
import { DEMO_CAREGIVER, DEMO_PATIENT_ACCOUNTS } from './demo-accounts';
import { DEMO_PATIENTS } from './demo-patients';
import type { DemoStaffKey, DemoTeamKey } from './demo-staff';
import { DEMO_ORGANISATION_NAME, DEMO_STAFF, DEMO_TEAM_COORDINATOR, DEMO_TEAMS, staffNote } from './demo-staff';
import { seedDemoAgreements } from './demo-agreements';
import { seedDemoMeasures } from './demo-measures';
import { seedDemoMedications } from './demo-medications';
import { seedDemoCarePlans } from './demo-care-plans';
import { seedDemoCoverage } from './demo-coverage';
import { seedDemoCoordination } from './demo-coordination';
import { DEMO_TASK_SOURCE, DEMO_TASKS } from './demo-tasks';
import { fictionalPhone, SEED_STATE, TOWNS } from './value-lists';

/** The same password for every demo account. The README says: demo data only, never in production. */
export const DEMO_PASSWORD = 'painpath-demo';

export interface DemoLogin {
  role: Role;
  displayName: string;
  email: string;
  password: string;
  note?: string;
}

export interface SeedOptions {
  hashPassword: (plain: string) => Promise<string>;
  asOf: Date;
}

type UserRow = typeof users.$inferInsert;
type PatientRow = typeof patients.$inferInsert;

/** Seeds the demo clinic in ONE transaction (nothing half-way) on an empty database; returns the logins to print. Throws if an organisation already exists. */
export async function seedDemoClinic(db: Db, options: SeedOptions): Promise<{ orgId: string; logins: DemoLogin[] }> {
  const { asOf } = options;
  // Fail fast before spending time on password hashes; the check is repeated under a lock below.
  await assertNoOrganisation(db);

  const accountCount = DEMO_STAFF.length + DEMO_PATIENT_ACCOUNTS.length + 1;
  // One hash per account (each with its own salt), computed before the transaction opens.
  const hashes = await Promise.all(Array.from({ length: accountCount }, () => options.hashPassword(DEMO_PASSWORD)));
  const nextHash = (): string => {
    const h = hashes.pop();
    if (h === undefined) throw new Error('seedDemoClinic: ran out of password hashes');
    return h;
  };

  const orgId = randomUUID();
  const staffIds = new Map<DemoStaffKey, string>(DEMO_STAFF.map((s) => [s.key, randomUUID()]));
  const teamIds = new Map<DemoTeamKey, string>(
    (Object.keys(DEMO_TEAMS) as DemoTeamKey[]).map((k) => [k, randomUUID()]),
  );
  const patientIds = new Map<string, string>(DEMO_PATIENTS.map((p) => [p.mrn, randomUUID()]));
  const staffId = (key: DemoStaffKey): string => mustGet(staffIds, key);
  const teamId = (key: DemoTeamKey): string => mustGet(teamIds, key);
  const patientId = (mrn: string): string => mustGet(patientIds, mrn);

  const staffRows: UserRow[] = DEMO_STAFF.map((s) => ({
    id: staffId(s.key),
    orgId,
    email: s.email,
    displayName: s.displayName,
    role: s.role,
    passwordHash: nextHash(),
  }));

  const patientRows: PatientRow[] = DEMO_PATIENTS.map((p) => {
    const town = TOWNS[p.town];
    return {
      id: patientId(p.mrn),
      orgId,
      mrn: p.mrn,
      givenName: p.givenName,
      familyName: p.familyName,
      preferredName: p.preferredName ?? null,
      birthDate: birthDateForAge(asOf, p.ageYears, p.daysSinceBirthday),
      sex: p.sex,
      genderIdentity: p.genderIdentity ?? null,
      pronouns: p.pronouns ?? null,
      race: p.race,
      ethnicity: p.ethnicity,
      preferredLanguage: p.language,
      interpreterNeeded: p.interpreterNeeded,
      phone: fictionalPhone(p.phoneSuffix),
      email: p.email ?? null,
      addressLine: p.addressLine,
      city: town.city,
      state: SEED_STATE,
      postalCode: town.postalCode,
      rurality: town.rurality,
      payer: p.payer,
      careTeamId: teamId(p.team),
      coordinatorUserId: staffId(DEMO_TEAM_COORDINATOR[p.team]),
      summary: p.summary,
      createdAt: asOf,
      updatedAt: asOf,
    };
  });

  const patientByMrn = new Map(DEMO_PATIENTS.map((p) => [p.mrn, p]));
  const patientAccountRows: UserRow[] = DEMO_PATIENT_ACCOUNTS.map((a) => {
    const p = mustGet(patientByMrn, a.patientMrn);
    return {
      orgId,
      email: a.email,
      displayName: `${p.preferredName ?? p.givenName} ${p.familyName}`,
      role: 'patient',
      passwordHash: nextHash(),
      patientId: patientId(a.patientMrn),
    };
  });
  const caregiverId = randomUUID();
  const caregiverRow: UserRow = {
    id: caregiverId,
    orgId,
    email: DEMO_CAREGIVER.email,
    displayName: DEMO_CAREGIVER.displayName,
    role: 'caregiver',
    passwordHash: nextHash(),
  };

  const taskRows = DEMO_TASKS.map((t) => {
    const createdAt = addDays(asOf, -t.createdDaysAgo);
    return {
      id: randomUUID(),
      orgId,
      patientId: patientId(t.patientMrn),
      type: t.type,
      title: t.title,
      details: t.details,
      assigneeUserId: 'user' in t.assignee ? staffId(t.assignee.user) : null,
      careTeamId: 'team' in t.assignee ? teamId(t.assignee.team) : null,
      dueAt: addDays(asOf, t.dueInDays),
      priority: t.priority,
      source: DEMO_TASK_SOURCE,
      status: 'open',
      createdBy: staffId(t.createdBy),
      createdAt,
      updatedAt: createdAt,
    };
  });

  await db.transaction(async (tx) => {
    // Blocks a second seed running at the same moment until this one commits, then it sees our row.
    await tx.execute(sql`LOCK TABLE organisations IN SHARE ROW EXCLUSIVE MODE`);
    await assertNoOrganisation(tx);
    await tx.insert(organisations).values({ id: orgId, name: DEMO_ORGANISATION_NAME, settings: {}, createdAt: asOf });
    await tx.insert(users).values(staffRows);
    await tx.insert(careTeams).values(
      [...teamIds].map(([key, id]) => ({ id, orgId, name: DEMO_TEAMS[key], createdAt: asOf })),
    );
    await tx.insert(careTeamMembers).values(
      DEMO_STAFF.flatMap((s) => s.teams.map((t) => ({ orgId, careTeamId: teamId(t), userId: staffId(s.key) }))),
    );
    await tx.insert(patients).values(patientRows);
    await tx.insert(users).values([...patientAccountRows, caregiverRow]);
    await tx.insert(caregiverConsents).values({
      orgId,
      patientId: patientId(DEMO_CAREGIVER.patientMrn),
      caregiverUserId: caregiverId,
      scopes: [...DEMO_CAREGIVER.scopes],
      grantedAt: addDays(asOf, -DEMO_CAREGIVER.grantedDaysAgo),
    });
    await tx.insert(tasks).values(taskRows);
    await tx.insert(taskHistory).values(
      taskRows.map((t) => ({
        orgId,
        patientId: t.patientId,
        taskId: t.id,
        at: t.createdAt,
        actor: t.createdBy,
        event: 'created',
        changes: {},
      })),
    );
    await seedDemoMeasures(tx, { orgId, asOf });
    await seedDemoMedications(tx, { orgId, asOf });
    await seedDemoCarePlans(tx, { orgId, asOf });
    await seedDemoAgreements(tx, { orgId, asOf });
    await seedDemoCoverage(tx, { orgId, asOf });
    await seedDemoCoordination(tx, { orgId, asOf });
  });

  const consenting = mustGet(patientByMrn, DEMO_CAREGIVER.patientMrn);
  const logins: DemoLogin[] = [
    ...DEMO_STAFF.map((s) => ({
      role: s.role,
      displayName: s.displayName,
      email: s.email,
      password: DEMO_PASSWORD,
      note: staffNote(s),
    })),
    ...patientAccountRows.map((a) => ({
      role: 'patient' as const,
      displayName: a.displayName,
      email: a.email,
      password: DEMO_PASSWORD,
      note: 'Patient portal',
    })),
    {
      role: 'caregiver',
      displayName: DEMO_CAREGIVER.displayName,
      email: DEMO_CAREGIVER.email,
      password: DEMO_PASSWORD,
      note: `Caregiver (${DEMO_CAREGIVER.relationship}) with consent from ${consenting.givenName} ${consenting.familyName}`,
    },
  ];
  return { orgId, logins };
}

async function assertNoOrganisation(db: DbOrTx): Promise<void> {
  const existing = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).limit(1);
  const first = existing[0];
  if (first) {
    throw new Error(
      `The demo clinic can only be seeded into an empty database, but organisation "${first.name}" already exists. ` +
        'Use a fresh data directory or database.',
    );
  }
}

function mustGet<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo seed data refers to unknown key ${String(key)}`);
  return value;
}
