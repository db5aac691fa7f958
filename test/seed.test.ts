/**
 * Demo and scale seeds against the embedded database (throwaway, in memory), or against PostgreSQL when
 * DATABASE_URL is set: then each suite creates its own database `painpath_t_<random>` on that server and
 * drops it afterwards.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../src/domain/access/roles';
import { ageOn } from '../src/domain/patients/age';
import type { PatientDemographics } from '../src/domain/patients/patient';
import { RACES, RURALITIES } from '../src/domain/patients/patient';
import { validateDemographics } from '../src/domain/patients/validate';
import type { Database } from '../src/db/client';
import { openDatabase } from '../src/db/client';
import { careTeamMembers, careTeams, caregiverConsents, organisations, patients, taskHistory, tasks, users } from '../src/db/schema';
import type { DemoLogin } from '../src/db/seed/demo';
import { DEMO_PASSWORD, seedDemoClinic } from '../src/db/seed/demo';
import { SCALE_LEAD_EMAIL, seedLargeClinic } from '../src/db/seed/large';
import { createSyntheticPatientGenerator } from '../src/db/seed/synthetic-patients';
import { PAYERS, SEED_LANGUAGES } from '../src/db/seed/value-lists';

/**
 * Terms to avoid, from reference/clinical-facts.md section 9 (NIDA, ONDCP, record-language studies).
 * Matched as whole words, case-insensitive. A later issue replaces this with the domain language checker.
 */
export const STIGMATISING_TERMS: readonly string[] = [
  'addict', 'addicts', 'addicted', 'user', 'users', 'junkie', 'junkies', 'alcoholic', 'alcoholics', 'drunk', 'abuser',
  'abusers', 'abuse', 'drug habit', 'drug problem', 'clean', 'dirty', 'former addict', 'reformed addict',
  'opioid substitution', 'substitution therapy', 'replacement therapy', 'methadone maintenance', 'addicted baby',
  'manipulative', 'non-compliant', 'noncompliant', 'non compliant', 'drug-seeking', 'drug seeking', 'drug seeker',
  'drug-seeker', 'claims', 'claimed', 'insists', 'denies', 'denied', 'refuses', 'refused', 'narcotic', 'narcotics',
  'chronic pain patient',
];

export function findStigmatisingTerms(text: string): string[] {
  return STIGMATISING_TERMS.filter((term) => {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
  });
}

const AS_OF = new Date('2025-03-10T12:00:00.000Z');
const fastHash = async (plain: string): Promise<string> => `test-hash$${randomUUID()}$${plain.length}`;

interface TestDatabase {
  database: Database;
  dispose: () => Promise<void>;
}

async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return { database, dispose: () => database.close() };
  }
  const name = `painpath_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  let database: Database | undefined;
  const dispose = async (): Promise<void> => {
    try {
      await database?.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    await database.migrate();
    return { database, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

const countRows = async (database: Database, table: 'organisations' | 'users' | 'patients' | 'tasks'): Promise<number> => {
  const r = await database.sql.executeSql(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(r.rows[0]?.n);
};

describe('term list', () => {
  it('finds terms as whole words and leaves person-first wording alone', () => {
    expect(findStigmatisingTerms('Urine was Dirty; he claims the pain is worse. Non-compliant.').sort()).toEqual([
      'claims', 'dirty', 'non-compliant',
    ]);
    expect(findStigmatisingTerms('Person in recovery from opioid use disorder; testing negative; declines.')).toEqual([]);
  });
});

describe('seedDemoClinic', () => {
  let t: TestDatabase;
  let orgId: string;
  let logins: DemoLogin[];
  let failedAttempt: { error: unknown; counts: number[] };
  let hashCalls = 0;

  beforeAll(async () => {
    t = await openTestDatabase();
    const { database } = t;
    // A failure late in the transaction (the caregiver's password hash is missing) must leave nothing.
    let calls = 0;
    const failingHash = async (plain: string): Promise<string> => (calls++ === 0 ? (null as unknown as string) : fastHash(plain));
    const error = await seedDemoClinic(database.db, { hashPassword: failingHash, asOf: AS_OF }).catch((e: unknown) => e);
    failedAttempt = { error, counts: await Promise.all((['organisations', 'users', 'patients', 'tasks'] as const).map((x) => countRows(database, x))) };

    const countingHash = (plain: string): Promise<string> => {
      hashCalls++;
      return fastHash(plain);
    };
    ({ orgId, logins } = await seedDemoClinic(database.db, { hashPassword: countingHash, asOf: AS_OF }));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('writes nothing when a step fails half-way', () => {
    expect(failedAttempt.error).toBeInstanceOf(Error);
    expect(failedAttempt.counts).toEqual([0, 0, 0, 0]);
  });

  it('has staff in every staff role, with two prescribers and two therapists', async () => {
    const staff = await t.database.db.select().from(users).where(eq(users.orgId, orgId));
    const roles = staff.map((u) => u.role);
    for (const role of STAFF_ROLES) expect(roles, role).toContain(role);
    expect(roles.filter((r) => r === 'prescriber').length).toBeGreaterThanOrEqual(2);
    expect(roles.filter((r) => r === 'therapist').length).toBeGreaterThanOrEqual(2);
    expect(roles.filter((r) => r === 'care_coordinator').length).toBeGreaterThanOrEqual(2);
    expect(staff.every((u) => u.email.endsWith('.example'))).toBe(true);
  });

  it('has three care teams, each with a care coordinator; the lead and administrator are not on every team', async () => {
    const db = t.database.db;
    const teams = await db.select().from(careTeams).where(eq(careTeams.orgId, orgId));
    expect(teams.map((x) => x.name).sort()).toEqual(['North team', 'Rural outreach team', 'South team']);
    const members = await db
      .select({ teamId: careTeamMembers.careTeamId, role: users.role })
      .from(careTeamMembers)
      .innerJoin(users, eq(users.id, careTeamMembers.userId));
    for (const team of teams) {
      const roles = members.filter((m) => m.teamId === team.id).map((m) => m.role);
      expect(roles, team.name).toContain('care_coordinator');
      expect(new Set(roles).size, team.name).toBeGreaterThanOrEqual(4);
    }
    for (const role of ['clinic_lead', 'administrator']) {
      expect(members.filter((m) => m.role === role).length, role).toBeLessThan(teams.length);
    }
  });

  it('has about 20 varied patients, each on a team with a coordinator from that team', async () => {
    const db = t.database.db;
    const rows = await db.select().from(patients).where(eq(patients.orgId, orgId));
    expect(rows.length).toBeGreaterThanOrEqual(18);
    expect(rows.length).toBeLessThanOrEqual(24);
    expect(new Set(rows.map((p) => p.race))).toEqual(new Set(RACES));
    expect(new Set(rows.map((p) => p.rurality))).toEqual(new Set(RURALITIES));
    const ethnicities = new Set(rows.map((p) => p.ethnicity));
    expect(ethnicities.has('hispanic-or-latino') && ethnicities.has('not-hispanic-or-latino')).toBe(true);
    expect(new Set(rows.map((p) => p.preferredLanguage)).size).toBeGreaterThanOrEqual(5);
    expect(rows.filter((p) => p.interpreterNeeded).length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((p) => p.payer)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((p) => p.sex)).size).toBeGreaterThanOrEqual(3);
    expect(rows.filter((p) => p.pronouns !== null).length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((p) => p.mrn)).size).toBe(rows.length);

    const ages = rows.map((p) => ageOn(p.birthDate, AS_OF));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(22);
    expect(Math.max(...ages)).toBeLessThanOrEqual(88);
    expect(new Set(ages).size).toBeGreaterThanOrEqual(15);

    const members = await db.select().from(careTeamMembers).innerJoin(users, eq(users.id, careTeamMembers.userId));
    for (const p of rows) {
      expect(p.mrn).toMatch(/^RB-\d{6}$/);
      expect(p.summary?.length ?? 0, p.mrn).toBeGreaterThan(80);
      expect(validateDemographics(p as unknown as Partial<PatientDemographics>, AS_OF), p.mrn).toEqual([]);
      const coordinator = members.find(
        (m) => m.care_team_members.careTeamId === p.careTeamId && m.users.id === p.coordinatorUserId,
      );
      expect(coordinator?.users.role, p.mrn).toBe('care_coordinator');
    }
  });

  it('links patient accounts to their records and gives the caregiver an active consent', async () => {
    const db = t.database.db;
    const accounts = await db
      .select({ email: users.email, patientOrg: patients.orgId })
      .from(users)
      .innerJoin(patients, eq(patients.id, users.patientId))
      .where(eq(users.role, 'patient'));
    expect(accounts.length).toBeGreaterThanOrEqual(3);
    expect(accounts.every((a) => a.patientOrg === orgId)).toBe(true);

    const consents = await db
      .select({ consent: caregiverConsents, caregiver: users, patient: patients })
      .from(caregiverConsents)
      .innerJoin(users, eq(users.id, caregiverConsents.caregiverUserId))
      .innerJoin(patients, eq(patients.id, caregiverConsents.patientId));
    expect(consents).toHaveLength(1);
    const [{ consent, caregiver, patient }] = consents as [(typeof consents)[number]];
    expect(caregiver.role).toBe('caregiver');
    expect(consent.revokedAt).toBeNull();
    expect(consent.expiresAt === null || consent.expiresAt > AS_OF).toBe(true);
    expect(consent.grantedAt.getTime()).toBeLessThanOrEqual(AS_OF.getTime());
    expect(consent.scopes).toEqual(['demographics', 'appointments', 'check-ins']);
    expect(patient.summary).toMatch(/support person/i);
  });

  it('has open demo tasks, some overdue, each with a created history row by its creator', async () => {
    const db = t.database.db;
    // Tasks raised by other demo features (care-plan checkpoints, agreement reviews, referral steps, huddle
    // decisions) are checked in their own tests.
    const rows = await db.select().from(tasks).where(and(eq(tasks.orgId, orgId), eq(tasks.source, 'demo-seed')));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((x) => x.status === 'open')).toBe(true);
    expect(rows.every((x) => x.type === 'follow-up' || x.type === 'general')).toBe(true);
    expect(rows.filter((x) => x.dueAt !== null && x.dueAt < AS_OF).length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((x) => x.priority)).size).toBeGreaterThanOrEqual(3);
    expect(rows.some((x) => x.assigneeUserId !== null)).toBe(true);
    expect(rows.some((x) => x.assigneeUserId === null && x.careTeamId !== null)).toBe(true);
    for (const task of rows) {
      const history = await db.select().from(taskHistory).where(eq(taskHistory.taskId, task.id));
      expect(history, task.title).toHaveLength(1);
      expect(history[0]).toMatchObject({ event: 'created', actor: task.createdBy, changes: {}, patientId: task.patientId });
      const [creator] = await db.select().from(users).where(and(eq(users.id, task.createdBy), eq(users.orgId, orgId)));
      expect(creator, task.title).toBeDefined();
    }
  });

  it('uses no stigmatising terms in patient summaries or task text', async () => {
    const db = t.database.db;
    const texts = [
      ...(await db.select({ text: patients.summary }).from(patients)).map((r) => r.text ?? ''),
      ...(await db.select({ title: tasks.title, details: tasks.details }).from(tasks)).flatMap((r) => [r.title, r.details ?? '']),
    ];
    const hits = texts.flatMap((text) => findStigmatisingTerms(text).map((term) => `${term}: ${text}`));
    expect(hits).toEqual([]);
  });

  it('returns a login for every account, all with the demo password and a note', async () => {
    const accounts = await t.database.db.select({ email: users.email, role: users.role }).from(users);
    expect(logins.map((l) => l.email).sort()).toEqual(accounts.map((a) => a.email).sort());
    expect(hashCalls).toBe(accounts.length);
    for (const login of logins) {
      expect(login.password).toBe(DEMO_PASSWORD);
      expect(login.note?.length ?? 0, login.email).toBeGreaterThan(3);
      expect(accounts.find((a) => a.email === login.email)?.role).toBe(login.role);
    }
    expect(logins.some((l) => l.role === 'caregiver')).toBe(true);
  });

  it('refuses to seed twice and leaves exactly one organisation', async () => {
    const usersBefore = await countRows(t.database, 'users');
    await expect(seedDemoClinic(t.database.db, { hashPassword: fastHash, asOf: AS_OF })).rejects.toThrow(/already exists/);
    expect(await countRows(t.database, 'organisations')).toBe(1);
    expect(await countRows(t.database, 'users')).toBe(usersBefore);
  });
});

describe('seedLargeClinic', () => {
  let t: TestDatabase;
  let result: Awaited<ReturnType<typeof seedLargeClinic>>;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    t = await openTestDatabase();
    result = await seedLargeClinic(t.database.db, {
      patients: 2500,
      batchSize: 1000,
      seed: 7,
      asOf: AS_OF,
      hashPassword: fastHash,
      onProgress: (done, total) => progress.push([done, total]),
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('reports progress after each batch, ending at (2500, 2500)', () => {
    expect(progress).toEqual([[1000, 2500], [2000, 2500], [2500, 2500]]);
  });

  it('stores exactly the counts it returns, with unique MRNs', async () => {
    const { orgId } = result;
    expect(result).toMatchObject({ patients: 2500, careTeams: 10, staff: 61 });
    const q = async (text: string): Promise<Record<string, unknown>> =>
      (await t.database.sql.executeSql(text, [orgId])).rows[0] ?? {};
    expect(await q('SELECT count(*)::int AS n, count(DISTINCT mrn)::int AS d, min(mrn) AS lo, max(mrn) AS hi FROM patients WHERE org_id = $1')).toEqual({
      n: 2500, d: 2500, lo: 'SYN-0000001', hi: 'SYN-0002500',
    });
    expect(await q('SELECT count(*)::int AS n FROM care_teams WHERE org_id = $1')).toEqual({ n: 10 });
    expect(await q('SELECT count(*)::int AS n FROM users WHERE org_id = $1')).toEqual({ n: 61 });
    expect(
      await q(`SELECT count(*)::int AS n FROM patients p JOIN users u ON u.id = p.coordinator_user_id
               JOIN care_team_members m ON m.user_id = u.id AND m.care_team_id = p.care_team_id
               WHERE p.org_id = $1 AND u.role = 'care_coordinator'`),
    ).toEqual({ n: 2500 });
    const lead = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, SCALE_LEAD_EMAIL));
    const leadTeams = await t.database.db.select().from(careTeamMembers).where(eq(careTeamMembers.userId, lead[0]?.id ?? ''));
    expect(leadTeams).toHaveLength(10);
  });

  it('draws varied, valid demographics from the shared value lists', async () => {
    const rows = await t.database.db.select().from(patients).where(eq(patients.orgId, result.orgId));
    expect(new Set(rows.map((p) => p.race))).toEqual(new Set(RACES));
    expect(new Set(rows.map((p) => p.rurality))).toEqual(new Set(RURALITIES));
    expect(new Set(rows.map((p) => p.preferredLanguage))).toEqual(new Set(SEED_LANGUAGES));
    expect(new Set(rows.map((p) => p.payer))).toEqual(new Set(PAYERS));
    const invalid = rows.filter((p) => validateDemographics(p as unknown as Partial<PatientDemographics>, AS_OF).length > 0);
    expect(invalid.map((p) => p.mrn)).toEqual([]);
    expect(rows.flatMap((p) => findStigmatisingTerms(p.summary ?? ''))).toEqual([]);
  });

  it('stores what the seeded generator makes (same seed, same people; text survives the round trip)', async () => {
    const rows = await t.database.db.select().from(patients).where(eq(patients.orgId, result.orgId)).orderBy(patients.mrn);
    const teams = Array.from({ length: 10 }, () => ({ id: 'x', coordinatorUserId: 'y' }));
    const generate = createSyntheticPatientGenerator(7, { orgId: result.orgId, asOf: AS_OF, teams });
    const pick = (p: Record<string, unknown>): unknown[] =>
      ['mrn', 'givenName', 'familyName', 'birthDate', 'sex', 'race', 'ethnicity', 'preferredLanguage', 'payer', 'addressLine', 'summary', 'email'].map((k) => p[k]);
    rows.forEach((row, i) => expect(pick(row), row.mrn).toEqual(pick(generate(i))));
  });

  it('refuses a second scale clinic in the same database and checks its options before writing', async () => {
    const before = await countRows(t.database, 'patients');
    await expect(seedLargeClinic(t.database.db, { patients: 10, asOf: AS_OF, hashPassword: fastHash })).rejects.toThrow(/already exists/);
    await expect(seedLargeClinic(t.database.db, { patients: 0, asOf: AS_OF, hashPassword: fastHash })).rejects.toThrow(/positive/);
    await expect(seedLargeClinic(t.database.db, { patients: 5, batchSize: 0, asOf: AS_OF, hashPassword: fastHash })).rejects.toThrow(/batchSize/);
    expect(await countRows(t.database, 'patients')).toBe(before);
    const orgs = await t.database.db.select().from(organisations);
    expect(orgs).toHaveLength(1);
  });
});
