/**
 * The huddle's discussion sources beyond its own facts: care-plan plateaus and open team concerns. Each loads
 * the stored rows for the patients the caller sees (one query per table, not per patient) and hands them to
 * the domain's own rules; the wording is src/domain/case-conference/signals.ts.
 *
 * Plateau: Painpath stores no plateau flag. The judgement is the progression engine's, made from the stored
 * plan, sessions, reports, flares and checkpoint decisions — the same `assessProgression` call, through the
 * same mapping, as the care plan page (src/server/care-plan/care-plan.service.ts), so the huddle and the plan
 * never disagree. (A decided checkpoint keeps a snapshot of the engine's statement; that is history, not
 * today's judgement.)
 *
 * Access: care plans and concerns are both the GENERAL record category (care-plan-access.ts; concerns are
 * read with category 'general' in concerns.service.ts), so no restricted-category filter applies here; the
 * patient ids are already limited to the caller's teams. A concern's free text is still never copied onto the
 * list (see signals.ts for why).
 */
import { concernSignal, plateauSignal } from '../../domain/case-conference/signals';
import type { DiscussionQuery, DiscussionSignal, DiscussionSource } from '../../domain/case-conference/selection';
import type { CarePlanStatus } from '../../domain/care-plan/types';
import type { ConcernPlan } from '../../domain/concerns/concern';
import { assessProgression } from '../../domain/progression/engine';
import type { DbOrTx } from '../../db/client';
import { plansForPatients, progressionRowsForPlans } from '../../db/repositories/care-plan.repository';
import { openConcernsForPatients } from '../../db/repositories/concerns.repository';
import { decidedCheckpoints, progressionInput, toPlan } from '../care-plan/care-plan.mapping';

function byPlan<T extends { carePlanId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.carePlanId, [...(out.get(r.carePlanId) ?? []), r]);
  return out;
}

async function plateauSignals(db: DbOrTx, query: DiscussionQuery): Promise<DiscussionSignal[]> {
  const plans = (await plansForPatients(db, query.orgId, query.patientIds)).filter((p) => (p.content as { status?: CarePlanStatus }).status === 'active');
  const rows = await progressionRowsForPlans(
    db,
    plans.map((p) => p.id),
  );
  const [sessions, reports, flares, checkpoints] = [byPlan(rows.sessions), byPlan(rows.reports), byPlan(rows.flares), byPlan(rows.checkpoints)];
  return plans.flatMap((row) => {
    const plan = toPlan(row);
    const stored = { sessions: sessions.get(row.id) ?? [], reports: reports.get(row.id) ?? [], flares: flares.get(row.id) ?? [], checkpoints: checkpoints.get(row.id) ?? [] };
    const { plateau } = assessProgression(progressionInput(query.asOf, plan, stored));
    const last = decidedCheckpoints(stored.checkpoints)
      .filter((c) => c.date <= query.asOf.toISOString().slice(0, 10))
      .sort((a, b) => a.date.localeCompare(b.date))
      .at(-1);
    const signal = plateauSignal({ patientId: row.patientId, planStatus: plan.status, plateau, lastDecision: last ? { decision: last.decision, date: last.date } : null });
    return signal ? [signal] : [];
  });
}

async function concernSignals(db: DbOrTx, query: DiscussionQuery): Promise<DiscussionSignal[]> {
  const rows = await openConcernsForPatients(db, query.orgId, query.patientIds);
  return rows.flatMap((r) => {
    const signal = concernSignal(
      {
        patientId: r.patientId,
        kind: r.kind,
        status: r.status === 'open' ? 'open' : 'closed',
        occurredOn: r.occurredOn,
        recordedAt: r.createdAt,
        conversations: Array.isArray(r.conversations) ? r.conversations.length : 0,
        hasPlan: ((r.plan as ConcernPlan | null)?.actions.length ?? 0) > 0,
      },
      query.asOf,
    );
    return signal ? [signal] : [];
  });
}

export const CARE_PLAN_PLATEAUS: DiscussionSource<DbOrTx> = { name: 'care-plan plateaus', signals: plateauSignals };
export const OPEN_CONCERNS: DiscussionSource<DbOrTx> = { name: 'open concerns', signals: concernSignals };
