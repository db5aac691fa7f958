/**
 * The one-page pre-visit summary a clinician reads in a minute (PRODUCT.md capability 1): safety items and
 * red flags first, then the story in short sentences, scores with their bands and the change since last
 * time, PSFS activities, what was tried, fears and hopes, the latest assessment and chronicity.
 * Every clinical judgement comes from src/domain (scores, bands, flags, red flags, change labels,
 * chronicity); this file gathers the data and words it. The same object feeds the JSON and the PDF.
 */
import { classifyChronicity } from '../../domain/intake/chronicity';
import { assessRedFlags } from '../../domain/intake/red-flags';
import { BODY_REGIONS, IMPACT_AREAS, PAIN_WORD_LABELS, STORY_QUESTIONS, TREATMENT_RESPONSE_LABELS, type PainStory, type PainWord } from '../../domain/intake/story';
import { buildTrajectory, labelActivityChange, type LabelledChange } from '../../domain/measures/change';
import { getInstrument, INSTRUMENT_IDS, isInstrumentId, type InstrumentId } from '../../domain/measures/instruments';
import type { InstrumentScore } from '../../domain/measures/score';
import { ageOn } from '../../domain/patients/age';
import type { PatientRow } from '../../db/repositories/patients.repository';
import { summaryFacts, type SummaryIntake, type SummaryResponse, type SummaryTask } from '../../db/repositories/summary.repository';
import type { AppContext } from '../context';
import { alertKey, ITEM9_FLAG } from '../measures/safety.service';
import { formatDate, formatMonthOrDay, pegText, scoreText, sentenceList } from './summary.words';

export interface SummaryItem {
  kind: 'safety' | 'red-flag';
  title: string;
  detail: string;
  urgency: string;
  at: string | null;
  taskId: string | null;
  taskStatus: string | null;
}

export interface SummaryScore {
  instrumentId: string;
  title: string;
  at: string;
  total: number | null;
  band: { code: string; label: string } | null;
  subscales: Record<string, number>;
  /** Never a bare number: the score with its band or scale, e.g. 'PHQ-9 12 of 27, moderate'. */
  text: string;
  change: LabelledChange | null;
  /** The change since last time, or why there is none ('First time measured'). */
  changeText: string;
  previousAt: string | null;
  /** The change since the first score (the baseline), when there are more than two. */
  changeFromBaseline: LabelledChange | null;
  baselineAt: string | null;
}

export interface PreVisitSummary {
  patient: { id: string; name: string; age: number; sex: string; pronouns: string | null; mrn: string; preferredLanguage: string; interpreterNeeded: boolean };
  generatedAt: string;
  safety: SummaryItem[];
  chronicity: { category: string; text: string; months: number; onset: string; from: 'assessment' | 'intake'; source: string; note: string | null } | null;
  intake: { id: string; status: string; sentAt: string; submittedAt: string | null } | null;
  story: {
    sentences: string[];
    regions: { id: string; label: string }[];
    character: string[];
    impact: { area: string; label: string; value: number }[];
    tried: { treatment: string; helped: string; sideEffects: string | null }[];
    fears: string | null;
    hopes: string | null;
  };
  scores: SummaryScore[];
  activities: { name: string; score: number; at: string; change: LabelledChange | null; text: string }[];
  assessment: { mechanism: string; irritability: string; comorbidities: string[]; onsetDate: string | null; notes: string | null; assessedAt: string } | null;
}

const CHRONICITY_WORDS: Record<string, string> = { acute: 'Acute pain (under 1 month)', subacute: 'Subacute pain (1 to 3 months)', chronic: 'Chronic pain (more than 3 months)' };

function displayName(p: PatientRow): string {
  return `${p.preferredName ?? p.givenName} ${p.familyName}`;
}

/** The latest intake with anything in it: submitted first, else the one in progress. */
function storyIntake(rows: readonly SummaryIntake[]): SummaryIntake | undefined {
  return rows.find((r) => r.status === 'submitted') ?? rows.find((r) => r.savedPages.length > 0);
}

function safetyItems(tasks: readonly SummaryTask[], intake: SummaryIntake | undefined, responses: readonly SummaryResponse[], patient: PatientRow, asOf: Date): SummaryItem[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const open = (t: SummaryTask): boolean => t.status === 'open' || t.status === 'in_progress';
  const items: SummaryItem[] = [];
  const shownTasks = new Set<string>();
  const fromTask = (t: SummaryTask, kind: SummaryItem['kind']): SummaryItem => ({
    kind,
    title: t.title,
    detail: t.details ?? '',
    urgency: t.priority,
    at: t.createdAt.toISOString(),
    taskId: t.id,
    taskStatus: t.status,
  });
  for (const t of tasks) {
    if (t.type === 'safety' && open(t)) {
      items.push(fromTask(t, 'safety'));
      shownTasks.add(t.id);
    }
  }
  // The latest PHQ-9 with item 9 above "Not at all" stays on the summary even after its task is closed.
  const latestPhq9 = [...responses].reverse().find((r) => r.instrumentId === 'phq9');
  const flag = (latestPhq9?.score as InstrumentScore | undefined)?.flags.find((f) => f.code === ITEM9_FLAG);
  if (latestPhq9 && flag && !items.some((i) => i.kind === 'safety')) {
    items.push({ kind: 'safety', title: `PHQ-9 item 9 answered above "Not at all" on ${formatDate(latestPhq9.authoredAt)}`, detail: flag.message, urgency: 'same-day', at: latestPhq9.authoredAt.toISOString(), taskId: null, taskStatus: null });
  }
  if (intake) {
    const raised = intake.raisedAlerts;
    for (const finding of assessRedFlags(intake.redFlagAnswers as Record<string, boolean | null>, { ageYears: ageOn(patient.birthDate, asOf) })) {
      const task = byId.get(raised[alertKey.redFlag(finding.condition)] ?? '');
      if (task) shownTasks.add(task.id);
      items.push({
        kind: 'red-flag',
        title: `${finding.label} (${finding.urgency})`,
        detail: `${finding.reasons.join('; ')}. ${finding.action}`,
        urgency: finding.urgency,
        at: intake.updatedAt.toISOString(),
        taskId: task?.id ?? null,
        taskStatus: task?.status ?? null,
      });
    }
  }
  for (const t of tasks) if (t.type === 'red-flag' && open(t) && !shownTasks.has(t.id)) items.push(fromTask(t, 'red-flag'));
  return items;
}

/** The person's own words as a sentence: one full stop at the end, never two. */
function ownWords(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function storySection(story: Partial<PainStory>): PreVisitSummary['story'] {
  const sentences: string[] = [];
  const onset = story.onset;
  if (onset?.date) sentences.push(`Pain started ${formatMonthOrDay(onset.date)}${onset.approximate ? ' (approximate date)' : ''}.`);
  if (onset?.how) sentences.push(`How it started, in their words: "${onset.how.trim().replace(/[.]+$/, '')}".`);
  const regions = (story.regions ?? []).map((id) => ({ id, label: BODY_REGIONS.find((r) => r.id === id)?.label ?? id }));
  if (regions.length > 0) sentences.push(`Pain in: ${sentenceList(regions.map((r) => r.label.toLowerCase()))}.`);
  const character = (story.character ?? []).map((w) => PAIN_WORD_LABELS[w as PainWord] ?? w);
  if (character.length > 0) sentences.push(`Feels ${sentenceList(character.map((c) => c.toLowerCase()))}.`);
  if (story.worse) sentences.push(`Worse with: ${ownWords(story.worse)}`);
  if (story.better) sentences.push(`Better with: ${ownWords(story.better)}`);
  const impact = IMPACT_AREAS.flatMap((area) => {
    const value = story.impact?.[area];
    return typeof value === 'number' ? [{ area, label: STORY_QUESTIONS.impact[area], value }] : [];
  });
  const heavy = impact.filter((i) => i.value >= 7).map((i) => `${i.label.toLowerCase()} ${i.value} of 10`);
  if (heavy.length > 0) sentences.push(`Pain gets in the way most of ${sentenceList(heavy)}.`);
  const tried = (story.tried ?? []).map((t) => ({ treatment: t.treatment, helped: TREATMENT_RESPONSE_LABELS[t.helped] ?? t.helped, sideEffects: t.sideEffects }));
  const helped = (story.tried ?? []).filter((t) => t.helped === 'yes').length;
  if (tried.length > 0) sentences.push(`Has tried ${tried.length === 1 ? 'one treatment' : `${tried.length} treatments`}; ${helped === 0 ? 'none clearly helped' : `${helped} helped`}.`);
  return { sentences, regions, character, impact, tried, fears: story.fears ?? null, hopes: story.hopes ?? null };
}

function scoreSection(responses: readonly SummaryResponse[]): { scores: SummaryScore[]; activities: PreVisitSummary['activities'] } {
  const scores: SummaryScore[] = [];
  let activities: PreVisitSummary['activities'] = [];
  for (const id of INSTRUMENT_IDS) {
    const rows = responses.filter((r) => r.instrumentId === id);
    if (rows.length === 0) continue;
    const points = buildTrajectory(id, rows.map((r) => ({ at: r.authoredAt.toISOString(), score: r.score as InstrumentScore })));
    const last = points[points.length - 1];
    if (!last) continue;
    const previous = points.slice(0, -1).reverse().find((p) => p.score.total !== null);
    const baseline = points.find((p) => p.score.total !== null);
    const score = presentScore(id, last.at, last.score, last.change, previous?.at ?? null);
    // Against the baseline only when it is not the same comparison as "since last time".
    const distinct = baseline !== undefined && previous !== undefined && baseline.at !== previous.at;
    scores.push({ ...score, changeFromBaseline: distinct ? last.changeFromBaseline : null, baselineAt: distinct ? baseline.at : null });
    if (id === 'psfs') activities = psfsActivities(last.at, last.score, previous?.score);
  }
  return { scores, activities };
}

function presentScore(id: InstrumentId, at: string, score: InstrumentScore, change: LabelledChange | null, previousAt: string | null): Omit<SummaryScore, 'changeFromBaseline' | 'baselineAt'> {
  const instrument = getInstrument(id);
  const title = instrument?.title ?? id;
  const text = id === 'peg' ? pegText(score) : scoreText(instrument, score);
  // labelChange gives no label for screens and risk tools (PHQ-2, STarT Back, ORT): say so rather than print a bare difference.
  const changeText = change ? change.text : previousAt === null ? 'First time measured.' : 'A screen or risk tool: no change label.';
  return { instrumentId: id, title, at, total: score.total, band: score.band ? { code: score.band.code, label: score.band.label } : null, subscales: score.subscales, text, change, changeText, previousAt };
}

/** Each activity now, with the change on that activity since the previous PSFS (domain labelActivityChange). */
function psfsActivities(at: string, score: InstrumentScore, previous: InstrumentScore | undefined): PreVisitSummary['activities'] {
  return (score.activities ?? []).map((a) => {
    const before = previous?.activities?.find((p) => p.name.trim().toLowerCase() === a.name.trim().toLowerCase());
    const change = before ? labelActivityChange(before.score, a.score) : null;
    return { name: a.name, score: a.score, at, change, text: change ? change.text : `${a.score} of 10 (0 = unable, 10 = as before the problem); first time measured.` };
  });
}

export async function buildSummary(ctx: AppContext, patient: PatientRow): Promise<PreVisitSummary> {
  const asOf = ctx.clock();
  const { intakes, responses, tasks, latestAssessment: latest } = await summaryFacts(ctx.db, patient.orgId, patient.id, INSTRUMENT_IDS);
  const intake = storyIntake(intakes);
  const story = (intake?.story ?? {}) as Partial<PainStory>;
  const onset = latest?.onsetDate ? { date: latest.onsetDate, from: 'assessment' as const } : story.onset?.date ? { date: story.onset.date, from: 'intake' as const } : null;
  const chronicity = onset ? classifyChronicity(onset.date, asOf) : null;
  const { scores, activities } = scoreSection(responses.filter((r) => isInstrumentId(r.instrumentId)));
  return {
    patient: {
      id: patient.id,
      name: displayName(patient),
      age: ageOn(patient.birthDate, asOf),
      sex: patient.sex,
      pronouns: patient.pronouns,
      mrn: patient.mrn,
      preferredLanguage: patient.preferredLanguage,
      interpreterNeeded: patient.interpreterNeeded,
    },
    generatedAt: asOf.toISOString(),
    safety: safetyItems(tasks, intakes.find((i) => Object.keys(i.redFlagAnswers as object).length > 0), responses, patient, asOf),
    chronicity:
      onset && chronicity
        ? { category: chronicity.category, text: `${CHRONICITY_WORDS[chronicity.category] ?? chronicity.category}: ${chronicity.months} month${chronicity.months === 1 ? '' : 's'} since onset (${formatMonthOrDay(onset.date)}).`, months: chronicity.months, onset: onset.date, from: onset.from, source: chronicity.source, note: chronicity.note }
        : null,
    intake: intake ? { id: intake.id, status: intake.status, sentAt: intake.sentAt.toISOString(), submittedAt: intake.submittedAt?.toISOString() ?? null } : null,
    story: storySection(story),
    scores,
    activities,
    assessment: latest
      ? { mechanism: latest.mechanism, irritability: latest.irritability, comorbidities: latest.comorbidities, onsetDate: latest.onsetDate, notes: latest.notes, assessedAt: latest.assessedAt.toISOString() }
      : null,
  };
}
