/** What every route and service receives: the database, the audit writer, the clock and the job queue. */
import type { Database, Db } from '../db/client';
import type { AuditWriter } from './audit/audit-writer';
import type { ServerConfig } from './config';
import type { JobQueue } from './jobs/jobs';

export interface AppContext {
  database: Database;
  db: Db;
  audit: AuditWriter;
  /** The clock: every rule receives the time from here, never from Date.now() inside domain code. */
  clock: () => Date;
  config: ServerConfig;
  jobs: JobQueue | null;
  /** Records (debounced) that an API token was used. */
  touchApiToken(tokenId: string): void;
}
