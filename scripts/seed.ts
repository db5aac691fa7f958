/**
 * `npm run seed -- --patients 100000 [--seed 1] [--batch-size 1000]`
 *
 * Adds the synthetic scale clinic (src/db/seed/large.ts) to the database named by DATABASE_URL, or to the
 * embedded database in DATA_DIR (default ./data) when DATABASE_URL is not set. Runs the migrations first.
 * Demo data only: the one login uses the shared demo password.
 */
import { parseArgs } from 'node:util';
import argon2 from 'argon2';
import cliProgress from 'cli-progress';
import { openDatabase } from '../src/db/client';
import { DEMO_PASSWORD } from '../src/db/seed/demo';
import { MAX_BATCH_SIZE, SCALE_LEAD_EMAIL, SCALE_ORGANISATION_NAME, seedLargeClinic } from '../src/db/seed/large';

const USAGE = `Usage: npm run seed -- --patients N [--seed N] [--batch-size N]

  --patients N     how many synthetic patients to add (required, 1 to 9,999,999)
  --seed N         seed for the generator; the same seed gives the same clinic (default 1)
  --batch-size N   patients per INSERT and per transaction (default 1000, at most ${MAX_BATCH_SIZE})

Uses DATABASE_URL when set, otherwise the embedded database in DATA_DIR (default ./data).`;

const MAX_PATIENTS = 9_999_999; // MRNs are SYN- plus seven digits

interface SeedArgs {
  patients: number;
  seed: number;
  batchSize: number;
}

class UsageError extends Error {}

function parseWholeNumber(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const cleaned = raw.replace(/[_,]/g, '');
  const value = /^-?\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, got "${raw}".`);
  }
  return value;
}

function parseSeedArgs(argv: string[]): SeedArgs | 'help' {
  let values: { patients?: string; seed?: string; 'batch-size'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        patients: { type: 'string' },
        seed: { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  const patients = parseWholeNumber('patients', values.patients, 1, MAX_PATIENTS);
  if (patients === undefined) throw new UsageError('--patients N is required, for example: npm run seed -- --patients 100000');
  return {
    patients,
    seed: parseWholeNumber('seed', values.seed, 0, 0xffff_ffff) ?? 1,
    batchSize: parseWholeNumber('batch-size', values['batch-size'], 1, MAX_BATCH_SIZE) ?? 1000,
  };
}

async function main(): Promise<number> {
  let args: SeedArgs | 'help';
  try {
    args = parseSeedArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`error: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }

  const databaseUrl = process.env.DATABASE_URL || undefined;
  const database = await openDatabase({ databaseUrl, dataDir: process.env.DATA_DIR || './data' });
  const bar = new cliProgress.SingleBar(
    {
      format: 'Seeding patients |{bar}| {percentage}% | {value}/{total} | {rate} patients/s | ETA {eta_formatted}',
      hideCursor: true,
      noTTYOutput: true, // still report (every 5 s) when the output goes to a log file
      notTTYSchedule: 5000,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  try {
    console.log(`Database: ${database.describe}`);
    await database.migrate();
    const started = performance.now();
    let barStarted = false;
    const result = await seedLargeClinic(database.db, {
      patients: args.patients,
      seed: args.seed,
      batchSize: args.batchSize,
      asOf: new Date(),
      hashPassword: (plain) => argon2.hash(plain, { type: argon2.argon2id }),
      onProgress: (done, total) => {
        // Started on the first batch, so a set-up error is not printed under an empty bar.
        if (!barStarted) {
          bar.start(total, 0, { rate: '0' });
          barStarted = true;
        }
        const seconds = (performance.now() - started) / 1000;
        bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toLocaleString('en-US') : '0' });
      },
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Seeded "${SCALE_ORGANISATION_NAME}": ${result.patients.toLocaleString('en-US')} patients, ${result.careTeams} care teams, ` +
        `${result.staff} staff in ${seconds.toFixed(1)} s (${Math.round(result.patients / seconds).toLocaleString('en-US')} patients/s).`,
    );
    console.log(`Log in as ${SCALE_LEAD_EMAIL} / ${DEMO_PASSWORD} (clinic lead, on every care team). Demo data only.`);
    return 0;
  } finally {
    bar.stop();
    await database.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
