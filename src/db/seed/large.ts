/**
 * A synthetic clinic for scale testing: "Synthetic Scale Clinic" with 10 care teams, six staff per team and
 * N patients, generated deterministically from a seed (no faker; see prng.ts).
 *
 * Rules kept here:
 * - Set-up (organisation, teams, staff) is one transaction; patients follow in multi-row INSERT batches
 *   (one INSERT ... SELECT FROM unnest(arrays) per batch, see bulk-insert.ts), each batch its own transaction, so 100,000 patients never sit in one huge transaction and progress
 *   can be reported. A run that fails half-way leaves the batches already committed; seed a fresh database.
 * - One person can log in: `scale.lead@synthetic.example` (clinic lead, member of every team) with the demo
 *   password. Other synthetic staff share the hash of a random secret that is never shown, so they cannot.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles';
import type { Db } from '../client';
import { careTeamMembers, careTeams, organisations, patients, users } from '../schema';
import { insertByColumns } from './bulk-insert';
import { DEMO_PASSWORD } from './demo';
import { SeededRandom } from './prng';
import { NAME_POOLS } from './synthetic-names';
import type { SyntheticTeam } from './synthetic-patients';
import { createSyntheticPatientGenerator } from './synthetic-patients';
import { SEED_STATE } from './value-lists';

export const SCALE_ORGANISATION_NAME = 'Synthetic Scale Clinic';
export const SCALE_LEAD_EMAIL = 'scale.lead@synthetic.example';
export const SCALE_TEAM_COUNT = 10;
/** Upper bound on patients per INSERT, to keep each transaction and its arrays modest. */
export const MAX_BATCH_SIZE = 10_000;
/** Patient columns that differ per row; org, state, active and timestamps are sent once per batch. */
const PATIENT_VARYING_COLUMNS = [
  'mrn', 'givenName', 'familyName', 'preferredName', 'birthDate', 'sex', 'genderIdentity', 'pronouns', 'race',
  'ethnicity', 'preferredLanguage', 'interpreterNeeded', 'phone', 'email', 'addressLine', 'city', 'postalCode',
  'rurality', 'payer', 'careTeamId', 'coordinatorUserId', 'summary',
] as const satisfies readonly (keyof typeof patients.$inferInsert)[];

const TEAM_NAMES = ['Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Fir', 'Hazel', 'Juniper', 'Maple', 'Willow'];
/** Staff on each team: role, credential suffix, and an e-mail label. */
const TEAM_STAFF: readonly (readonly [Role, string, string])[] = [
  ['prescriber', ', MD', 'prescriber'],
  ['therapist', ', PT', 'pt'],
  ['therapist', ', LAc', 'acupuncture'],
  ['behavioural_health', ', PhD', 'psychology'],
  ['pharmacist', ', PharmD', 'pharmacy'],
  ['care_coordinator', '', 'coordinator'],
];

export interface LargeSeedOptions {
  patients: number;
  hashPassword: (plain: string) => Promise<string>;
  asOf: Date;
  seed?: number;
  /** Patients per INSERT and per transaction; default 1000, at most MAX_BATCH_SIZE. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Adds a synthetic clinic of N patients (see the file comment); returns the counts. */
export async function seedLargeClinic(
  db: Db,
  options: LargeSeedOptions,
): Promise<{ orgId: string; patients: number; careTeams: number; staff: number }> {
  const { asOf } = options;
  const total = options.patients;
  const seed = options.seed ?? 1;
  const batchSize = options.batchSize ?? 1000;
  if (!Number.isSafeInteger(total) || total < 1) throw new Error(`patients must be a positive whole number, got ${total}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be a whole number, got ${seed}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new Error(`batchSize must be a whole number from 1 to ${MAX_BATCH_SIZE}, got ${batchSize}`);
  }
  await assertNoScaleClinic(db);

  const [leadHash, lockedHash] = await Promise.all([
    options.hashPassword(DEMO_PASSWORD),
    options.hashPassword(randomBytes(32).toString('base64url')),
  ]);

  const orgId = randomUUID();
  const staffRng = new SeededRandom(seed ^ 0x5eed_57af);
  const teamRows = TEAM_NAMES.slice(0, SCALE_TEAM_COUNT).map((name) => ({
    id: randomUUID(),
    orgId,
    name: `${name} team`,
    createdAt: asOf,
  }));
  const leadId = randomUUID();
  const staffRows: (typeof users.$inferInsert)[] = [
    { id: leadId, orgId, email: SCALE_LEAD_EMAIL, displayName: 'Scale Clinic Lead', role: 'clinic_lead', passwordHash: leadHash },
  ];
  const memberRows: (typeof careTeamMembers.$inferInsert)[] = [];
  const teams: SyntheticTeam[] = [];
  teamRows.forEach((team, t) => {
    memberRows.push({ orgId, careTeamId: team.id, userId: leadId });
    let coordinatorUserId: string | undefined;
    for (const [role, credential, label] of TEAM_STAFF) {
      const id = randomUUID();
      const female = staffRng.chance(0.6);
      const given = staffRng.pick(female ? NAME_POOLS.en.female : NAME_POOLS.en.male);
      const family = staffRng.pick(NAME_POOLS.en.family);
      staffRows.push({
        id,
        orgId,
        email: `t${String(t + 1).padStart(2, '0')}.${label}@synthetic.example`,
        displayName: `${role === 'prescriber' ? 'Dr. ' : ''}${given} ${family}${credential}`,
        role,
        passwordHash: lockedHash,
      });
      memberRows.push({ orgId, careTeamId: team.id, userId: id });
      if (role === 'care_coordinator') coordinatorUserId = id;
    }
    if (coordinatorUserId === undefined) throw new Error('TEAM_STAFF must include a care coordinator');
    teams.push({ id: team.id, coordinatorUserId });
  });

  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({ id: orgId, name: SCALE_ORGANISATION_NAME, settings: {}, createdAt: asOf });
    await tx.insert(users).values(staffRows);
    await tx.insert(careTeams).values(teamRows);
    await tx.insert(careTeamMembers).values(memberRows);
  });

  const nextPatient = createSyntheticPatientGenerator(seed, { orgId, asOf, teams });
  for (let done = 0; done < total; ) {
    const size = Math.min(batchSize, total - done);
    const rows = Array.from({ length: size }, (_, k) => nextPatient(done + k));
    await db.transaction(async (tx) => {
      await insertByColumns(tx, patients, rows, PATIENT_VARYING_COLUMNS, {
        orgId,
        state: SEED_STATE,
        active: true,
        createdAt: asOf,
        updatedAt: asOf,
      });
    });
    done += size;
    options.onProgress?.(done, total);
  }

  return { orgId, patients: total, careTeams: teamRows.length, staff: staffRows.length };
}

async function assertNoScaleClinic(db: Db): Promise<void> {
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${SCALE_LEAD_EMAIL}`)
    .limit(1);
  if (found.length > 0) {
    throw new Error(
      `A "${SCALE_ORGANISATION_NAME}" already exists in this database (${SCALE_LEAD_EMAIL} is taken). ` +
        'Seed the scale clinic into a fresh data directory or database.',
    );
  }
}
