/** Users, sessions and API tokens. */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { preparedFor } from '../prepared';
import { apiTokens, organisations, sessions, users } from '../schema';

export type UserRow = typeof users.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export interface SessionUser {
  user: UserRow;
  orgName: string;
  orgSettings: unknown;
  expiresAt: Date;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`).limit(1);
  return rows[0];
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return rows[0]?.n ?? 0;
}

/**
 * Counts a wrong password and locks the account when the count reaches `maxFailed`, in ONE statement, so
 * parallel guesses cannot all read the same old count. A lock that has expired starts the count afresh.
 * Returns the new count and the lock end (if locked).
 */
export async function recordFailedLogin(
  db: DbOrTx,
  userId: string,
  asOf: Date,
  maxFailed: number,
  lockUntil: Date,
): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
  const lockExpired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${asOf.toISOString()}::timestamptz)`;
  const next = sql`(case when ${lockExpired} then 1 else ${users.failedLogins} + 1 end)`;
  const rows = await db
    .update(users)
    .set({
      failedLogins: next,
      lockedUntil: sql`case when ${next} >= ${maxFailed} then ${lockUntil.toISOString()}::timestamptz when ${lockExpired} then null else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  return rows[0] ?? { failedLogins: 0, lockedUntil: null };
}

export async function resetFailedLogins(db: DbOrTx, userId: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function insertSession(
  db: DbOrTx,
  row: { tokenHash: string; userId: string; orgId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSession(db: DbOrTx, tokenHash: string, asOf: Date): Promise<SessionUser | undefined> {
  const query = preparedFor(db, 'find_session', (d, name) =>
    d
      .select({ user: users, orgName: organisations.name, orgSettings: organisations.settings, expiresAt: sessions.expiresAt })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(organisations, eq(organisations.id, users.orgId))
      .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('asOf')), eq(users.disabled, false)))
      .limit(1)
      .prepare(name),
  );
  const rows = await query.execute({ tokenHash, asOf });
  return rows[0];
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function findActiveApiToken(
  db: DbOrTx,
  tokenHash: string,
): Promise<{ token: ApiTokenRow; orgName: string; orgSettings: unknown } | undefined> {
  const rows = await db
    .select({ token: apiTokens, orgName: organisations.name, orgSettings: organisations.settings })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.orgId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  return rows[0];
}
