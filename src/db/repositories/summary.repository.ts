/**
 * Everything the pre-visit summary reads about one person, in one prepared statement: their intakes, tasks,
 * latest assessment and, per instrument, the responses the scores need. The summary is read before every
 * visit, so it is one round trip rather than four, PostgreSQL plans it once per connection, and only the
 * columns the summary shows travel (never the answers, nor the tasks' assignee and team names).
 *
 * Responses: per instrument the first completed response with a total (the baseline) and the five most
 * recent (the latest, and the previous one with a total). Two short walks of
 * questionnaire_responses_series_idx per instrument (the newest five backwards, the baseline forwards), so a
 * person with years of weekly check-ins costs the same as one with a few.
 *
 * Each list comes back as JSON in the order the rows would have been selected in; timestamps come back as
 * ISO 8601 text and are turned into Dates here, truncated to the millisecond like the drivers' own parsing.
 * Filters by org_id and patient_id like every query (docs/architecture.md "Sharding on paper").
 */
import { createHash } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { preparedFor } from '../prepared';
import { patients } from '../schema';
import type { IntakeRow } from './intake.repository';
import type { AssessmentRow, ResponseRow } from './measures.repository';
import type { TaskRow } from './tasks.repository';

export type SummaryIntake = Pick<IntakeRow, 'id' | 'status' | 'savedPages' | 'story' | 'redFlagAnswers' | 'raisedAlerts' | 'sentAt' | 'submittedAt' | 'updatedAt'>;
export type SummaryTask = Pick<TaskRow, 'id' | 'type' | 'status' | 'title' | 'details' | 'priority' | 'createdAt'>;
export type SummaryAssessment = Pick<AssessmentRow, 'mechanism' | 'irritability' | 'comorbidities' | 'onsetDate' | 'notes' | 'assessedAt'>;
export type SummaryResponse = Pick<ResponseRow, 'id' | 'instrumentId' | 'score' | 'authoredAt'>;

export interface SummaryFacts {
  /** Newest first (sent_at, then created_at). */
  intakes: SummaryIntake[];
  /** By due date (none last), then newest first; at most 500. */
  tasks: SummaryTask[];
  latestAssessment: SummaryAssessment | undefined;
  /** In authored order (authored_at, then created_at), each response once. */
  responses: SummaryResponse[];
}

/** A row as JSON sends it: timestamps as text. */
type AsJson<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

const INTAKES = sql`SELECT coalesce(json_agg(json_build_object('id', i.id, 'status', i.status, 'savedPages', i.saved_pages, 'story', i.story,
    'redFlagAnswers', i.red_flag_answers, 'raisedAlerts', i.raised_alerts, 'sentAt', i.sent_at, 'submittedAt', i.submitted_at,
    'updatedAt', i.updated_at) ORDER BY i.sent_at DESC, i.created_at DESC), '[]'::json)
  FROM intakes i WHERE i.org_id = ${patients.orgId} AND i.patient_id = ${patients.id}`;

const TASKS = sql`SELECT coalesce(json_agg(json_build_object('id', t.id, 'type', t.type, 'status', t.status, 'title', t.title,
    'details', t.details, 'priority', t.priority, 'createdAt', t.created_at) ORDER BY t.due_at ASC, t.created_at DESC), '[]'::json)
  FROM (SELECT * FROM tasks WHERE tasks.org_id = ${patients.orgId} AND tasks.patient_id = ${patients.id}
    ORDER BY tasks.due_at ASC, tasks.created_at DESC LIMIT 500) t`;

const LATEST_ASSESSMENT = sql`SELECT json_build_object('mechanism', a.mechanism, 'irritability', a.irritability, 'comorbidities', a.comorbidities,
    'onsetDate', a.onset_date, 'notes', a.notes, 'assessedAt', a.assessed_at)
  FROM assessments a WHERE a.org_id = ${patients.orgId} AND a.patient_id = ${patients.id}
  ORDER BY a.assessed_at DESC, a.created_at DESC LIMIT 1`;

const SERIES = sql`q.org_id = ${patients.orgId} AND q.patient_id = ${patients.id} AND q.instrument_id = wanted.instrument_id AND q.status = 'completed'`;
/**
 * The instrument list is written into the statement as a constant, not sent as a parameter: with an array
 * parameter PostgreSQL's generic plan guesses 10 elements where a custom plan sees 8, prices itself a
 * little higher and is never chosen, so every execution was planned again (about 0.7 ms of planning plus
 * 0.8 ms of execution per view, against 0.4 ms with the generic plan). Each distinct list gets its own
 * prepared statement.
 */
function responsesFor(instrumentIds: readonly string[]): SQL {
  for (const id of instrumentIds) if (!INSTRUMENT_ID.test(id)) throw new Error(`summaryFacts: unexpected instrument id ${JSON.stringify(id)}`);
  const list = sql.raw(`ARRAY[${instrumentIds.map((id) => `'${id}'`).join(', ')}]::text[]`);
  return sql`SELECT coalesce(json_agg(json_build_object('id', r.id, 'instrumentId', r.instrument_id, 'score', r.score,
    'authoredAt', r.authored_at) ORDER BY r.authored_at ASC, r.created_at ASC), '[]'::json)
  FROM unnest(${list}) AS wanted(instrument_id) CROSS JOIN LATERAL (
    (SELECT q.id, q.instrument_id, q.score, q.authored_at, q.created_at FROM questionnaire_responses q WHERE ${SERIES}
      ORDER BY q.authored_at DESC, q.created_at DESC LIMIT 5)
    UNION ALL
    (SELECT q.id, q.instrument_id, q.score, q.authored_at, q.created_at FROM questionnaire_responses q WHERE ${SERIES}
      AND (q.score->>'total') IS NOT NULL ORDER BY q.authored_at ASC, q.created_at ASC LIMIT 1)
  ) r`;
}
const INSTRUMENT_ID = /^[a-z0-9-]+$/;

function date(text: string): Date;
function date(text: string | null): Date | null;
function date(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}

export async function summaryFacts(db: DbOrTx, orgId: string, patientId: string, instrumentIds: readonly string[]): Promise<SummaryFacts> {
  // Statement names are cut at 63 bytes by PostgreSQL: name each list by a short digest of it.
  const listKey = createHash('sha256').update(instrumentIds.join(',')).digest('hex').slice(0, 16);
  const query = preparedFor(db, `summary_facts_${listKey}`, (d, name) =>
    d
      .select({
        intakes: sql<AsJson<SummaryIntake>[]>`(${INTAKES})`,
        tasks: sql<AsJson<SummaryTask>[]>`(${TASKS})`,
        latestAssessment: sql<AsJson<SummaryAssessment> | null>`(${LATEST_ASSESSMENT})`,
        responses: sql<AsJson<SummaryResponse>[]>`(${responsesFor(instrumentIds)})`,
      })
      .from(patients)
      .where(and(eq(patients.orgId, sql.placeholder('orgId')), eq(patients.id, sql.placeholder('patientId'))))
      .prepare(name),
  );
  const row = (await query.execute({ orgId, patientId }))[0];
  if (!row) return { intakes: [], tasks: [], latestAssessment: undefined, responses: [] };
  // With few responses the baseline is also one of the newest five: keep it once.
  const seen = new Set<string>();
  const responses: SummaryResponse[] = [];
  for (const r of row.responses) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    responses.push({ ...r, authoredAt: date(r.authoredAt) });
  }
  const a = row.latestAssessment;
  return {
    intakes: row.intakes.map((i) => ({ ...i, sentAt: date(i.sentAt), submittedAt: date(i.submittedAt), updatedAt: date(i.updatedAt) })),
    tasks: row.tasks.map((t) => ({ ...t, createdAt: date(t.createdAt) })),
    latestAssessment: a ? { ...a, assessedAt: date(a.assessedAt) } : undefined,
    responses,
  };
}
