/**
 * `npm run audit:verify`: checks the whole audit chain of the configured database (DATABASE_URL, or the
 * embedded database in DATA_DIR) and reports the first broken link. Exit code 0 when intact, 1 when not.
 */
import { openDatabase } from '../src/db/client';
import { verifyStoredChain } from '../src/server/audit/audit-verify';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR ?? './data' });
try {
  await database.migrate();
  const result = await verifyStoredChain(database.db);
  if (result.ok) {
    process.stdout.write(`Audit chain intact: ${result.checked} events verified (${database.describe}).\n`);
  } else {
    process.stdout.write(
      `Audit chain BROKEN at event ${result.firstBroken?.seq ?? '?'} (${result.firstBroken?.problem ?? 'unknown'}); ${result.checked} events verified before it (${database.describe}).\n`,
    );
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
