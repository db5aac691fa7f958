/**
 * Saving one intake page (PUT /intakes/{id}/pages/{pageId}, If-Match): validate the page with the domain
 * (every bad field, path `value.<field>`), rebuild the page list (PHQ-9 after a positive PHQ-2, STarT Back
 * with back pain), and store the page, its instrument answers and any safety task in ONE transaction:
 * - PHQ-9 item 9 > 0 → the same-day safety task, once per intake (the intake remembers it raised it);
 * - a red-flag finding → an urgent task per suspected condition, once per condition.
 * Nothing is half-saved: an invalid page, a stale version or a failed insert writes nothing.
 */
import type { FastifyRequest } from 'fastify';
import { assessRedFlags } from '../../domain/intake/red-flags';
import { INSTRUMENT_PAGES, intakePages, isIntakePageId, type IntakePageId } from '../../domain/intake/pages';
import { hasBackPain, STORY_PAGE_FIELDS, validateStoryPage, type PainStory, type StoryPageId } from '../../domain/intake/story';
import { getInstrument, phq9AnswersFromPhq2, type InstrumentId } from '../../domain/measures/instruments';
import { scoreInstrument, type Answers, type InstrumentScore } from '../../domain/measures/score';
import { ageOn } from '../../domain/patients/age';
import { appendAuditEvents } from '../../db/repositories/audit.repository';
import { updateIntake } from '../../db/repositories/intake.repository';
import { insertResponse, responsesForIntake, updateResponse, type ResponseRow } from '../../db/repositories/measures.repository';
import { auditFrom } from '../auth/actor';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { scoreContextFor } from '../measures/measures.service';
import { alertKey, hasItem9Flag, insertAlertTasks, item9Task, redFlagTask, scheduleAlertReminders, type AlertTaskInput } from '../measures/safety.service';
import { activeResponses, loadIntake, presentIntake, staleIntake } from './intake.service';
import { templateForVersion } from './intake-templates.service';

type Story = Partial<PainStory>;

function isStoryPage(page: IntakePageId): page is StoryPageId {
  return page in STORY_PAGE_FIELDS;
}

/** Free text is stored trimmed (the domain's assumption); a blank answer becomes null. */
function trimmed(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (Array.isArray(value)) return value.map(trimmed);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimmed(v)]));
  return value;
}

/** A page's fields over the story so far: a field left out keeps its earlier answer; send null to clear it. */
function applyStoryPage(story: Story, pageId: StoryPageId, value: Record<string, unknown>): Story {
  if (pageId === 'onset') return { ...story, onset: { ...(story.onset ?? {}), ...value } as PainStory['onset'] };
  if (pageId === 'impact') return { ...story, impact: { ...(story.impact ?? {}), ...value } as PainStory['impact'] };
  return { ...story, ...value };
}

/** After saving `saved`: the next page not yet saved (after it, else from the start), else the last page. */
function resumePage(pages: readonly string[], savedPages: readonly string[], saved: string): string {
  const after = pages.slice(pages.indexOf(saved) + 1).find((p) => !savedPages.includes(p));
  return after ?? pages.find((p) => !savedPages.includes(p)) ?? pages[pages.length - 1] ?? saved;
}

function invalidPage(issues: readonly { path?: string; message: string; code: string; severity: string }[]): AppError {
  const details = issues
    .filter((i) => i.severity === 'error')
    .map((i) => ({ path: i.path ? `value.${i.path}` : 'value', message: i.message, code: i.code }));
  return new AppError('validation', 'validation', `This page has ${details.length} answer${details.length === 1 ? '' : 's'} to fix.`, details);
}

interface ResponseWrite {
  existing: ResponseRow | undefined;
  instrumentId: InstrumentId;
  answers: Answers;
  score: InstrumentScore;
}

export async function savePage(ctx: AppContext, request: FastifyRequest, id: string, pageId: string, expectedVersion: number, rawValue: unknown) {
  const { intake, authorised } = await loadIntake(ctx, request, id, 'write');
  if (intake.status === 'submitted') throw new AppError('conflict', 'intake.submitted', 'This intake was already sent to your care team, so it can no longer be changed.');
  if (!isIntakePageId(pageId) || !intake.pages.includes(pageId)) {
    throw new AppError('not-found', 'intake.page-not-found', `This intake has no page "${pageId}" right now.`, [{ path: 'params.pageId', message: `must be one of: ${intake.pages.join(', ')}` }]);
  }
  if (intake.version !== expectedVersion) throw staleIntake(intake.version);
  const asOf = ctx.clock();
  const patient = authorised.patient;
  const value = trimmed(rawValue);
  const issues = validateStoryPage(pageId, value);
  if (issues.some((i) => i.severity === 'error')) throw invalidPage(issues);

  const responses = activeResponses(await responsesForIntake(ctx.db, intake.orgId, intake.id));
  const responseFor = (instrumentId: string): ResponseRow | undefined => responses.find((r) => r.instrumentId === instrumentId);
  const context = scoreContextFor(patient, asOf);
  let story = intake.story as Story;
  let redFlagAnswers = intake.redFlagAnswers as Record<string, boolean | null>;
  const writes: ResponseWrite[] = [];
  const alerts: AlertTaskInput[] = [];
  const raised = { ...intake.raisedAlerts };
  const instrumentId = INSTRUMENT_PAGES[pageId];

  if (instrumentId !== undefined) {
    const answers = value as Answers;
    const score = scoreInstrument(instrumentId, answers, context);
    writes.push({ existing: responseFor(instrumentId), instrumentId, answers, score });
    if (instrumentId === 'phq9' && hasItem9Flag(score) && !raised[alertKey.item9]) alerts.push(item9Task(answers, score, asOf, 'in the intake'));
  } else if (pageId === 'red-flags') {
    redFlagAnswers = { ...redFlagAnswers, ...(value as Record<string, boolean | null>) };
    for (const finding of assessRedFlags(redFlagAnswers, { ageYears: ageOn(patient.birthDate, asOf) })) {
      if (!raised[alertKey.redFlag(finding.condition)]) alerts.push(redFlagTask(finding, asOf));
    }
  } else if (isStoryPage(pageId)) {
    story = applyStoryPage(story, pageId, value as Record<string, unknown>);
  }

  const template = await templateForVersion(ctx.db, intake.orgId, intake.templateVersion);
  const phq2Score = writes.find((w) => w.instrumentId === 'phq2')?.score ?? (responseFor('phq2')?.score as InstrumentScore | undefined);
  const phq2Positive = phq2Score?.flags.some((f) => f.code === 'phq2.positive') ?? false;
  const pages = intakePages(template, { phq2Positive, backPain: hasBackPain(story.regions ?? []) });
  // A positive PHQ-2 opens the PHQ-9 with its first two answers carried over, so they are not asked twice.
  if (pages.includes('phq9') && !responseFor('phq9') && phq2Score) {
    const phq2Answers = (writes.find((w) => w.instrumentId === 'phq2')?.answers ?? responseFor('phq2')?.answers ?? {}) as Answers;
    const answers = phq9AnswersFromPhq2(phq2Answers);
    writes.push({ existing: undefined, instrumentId: 'phq9', answers, score: scoreInstrument('phq9', answers, context) });
  }
  const savedPages = intake.savedPages.includes(pageId) ? intake.savedPages : [...intake.savedPages, pageId];
  const currentPage = resumePage(pages, savedPages, pageId);

  const result = await ctx.db.transaction(async (tx) => {
    const created = await insertAlertTasks(tx, request, patient, alerts, 'intake', authorisedActorId(request), asOf);
    for (const c of created) raised[c.key] = c.task.id;
    const updated = await updateIntake(
      tx,
      intake.orgId,
      intake.id,
      expectedVersion,
      { story, redFlagAnswers, pages, currentPage, savedPages, raisedAlerts: raised, status: 'in-progress', startedAt: intake.startedAt ?? asOf },
      asOf,
    );
    // A concurrent save won: roll back everything, tasks included.
    if (!updated) throw staleIntake(expectedVersion + 1);
    const events = [auditFrom(request, asOf, { action: 'update', resourceType: 'Intake', resourceId: intake.id, patientId: patient.id, reason: `page ${pageId}` })];
    for (const w of writes) {
      const instrument = getInstrument(w.instrumentId);
      const row = w.existing
        ? await updateResponse(tx, w.existing.id, { answers: w.answers, score: w.score, authoredAt: asOf }, asOf)
        : await insertResponse(tx, {
            orgId: patient.orgId,
            patientId: patient.id,
            intakeId: intake.id,
            requestId: null,
            instrumentId: w.instrumentId,
            instrumentVersion: instrument?.version ?? '',
            answers: w.answers,
            score: w.score,
            status: 'in-progress',
            authoredAt: asOf,
            createdBy: authorisedActorId(request),
          });
      if (row) events.push(auditFrom(request, asOf, { action: w.existing ? 'update' : 'create', resourceType: 'QuestionnaireResponse', resourceId: row.id, patientId: patient.id, reason: `${w.instrumentId} (intake, in progress)` }));
    }
    await appendAuditEvents(tx, events);
    return { updated, created };
  });
  await scheduleAlertReminders(ctx, result.created);
  return presentIntake(result.updated, await responsesForIntake(ctx.db, intake.orgId, intake.id));
}

function authorisedActorId(request: FastifyRequest): string {
  const actor = request.actor;
  return actor?.kind === 'user' ? actor.userId : (actor?.tokenId ?? 'unknown');
}
