/**
 * Low back pain red-flag screen: questions, findings and urgency.
 * Source: reference/clinical-facts.md section 8 [S]: ACP/APS 2007 (Chou R et al. Ann Intern Med
 * 2007;147:478–491) and AHCPR 1994 red-flag tables; NICE NG59 (2016, updated 2020).
 * - Cauda equina: urinary retention or new incontinence, faecal incontinence, saddle anaesthesia, motor
 *   deficit at several levels / progressive neurological deficit → emergency, same day.
 * - Cancer: history of cancer (strongest), unexplained weight loss, age > 50, no improvement after 1 month,
 *   night or rest pain → urgent.
 * - Infection: fever or chills, injected drug use, recent bacterial infection (e.g. UTI),
 *   immunosuppression, penetrating wound → urgent.
 * - Fracture: major trauma; or minor trauma / strenuous lifting with osteoporosis, older age or long-term
 *   corticosteroid use; structural deformity → urgent.
 * - Axial spondyloarthritis: morning stiffness, better with exercise, alternating buttock pain, waking in
 *   the second half of the night → soon (NICE: consider inflammatory disease as an alternative diagnosis).
 * - NICE: evidence for single red flags is weak; a single weak flag alone should not trigger suspicion.
 * Assumptions:
 * - A finding needs at least one question answered yes. Age never creates a finding: age over the
 *   setting only adds a reason to a cancer finding, and counts as "older age" for a minor injury.
 * - Osteoporosis and long-term steroids are not flags alone; they turn a minor injury into a fracture flag.
 * - The age threshold is disputed (> 50 ACP/AHCPR vs > 55 in some UK guidance) [S]: the named setting
 *   olderAgeOverYears (default 50). The reference gives no figure for "older age" in fracture; the same
 *   setting is used [U]. "Younger age" (spondyloarthritis) has no figure and is not used.
 * - The reference gives no time frame for injected drug use ("in the past year") or for a recent
 *   infection ("in the last few weeks"): both are ours [U].
 * - Unknown ids and null answers are ignored here (validateRedFlagAnswers reports unknown ids).
 * - Urgency: emergency = same day; urgent = clinical review within days; soon = at or before the next visit.
 */
import type { Issue } from '../issues';
import { error } from '../issues';

export type RedFlagCondition = 'cauda-equina' | 'cancer' | 'infection' | 'fracture' | 'inflammatory';
export type RedFlagUrgency = 'emergency' | 'urgent' | 'soon';

export interface RedFlagQuestion {
  id: string;
  /** Plain words for the patient. */
  text: string;
  condition: RedFlagCondition;
  /** The flag in clinical words, listed in a finding's reasons. */
  reason: string;
}

export interface RedFlagFinding {
  condition: RedFlagCondition;
  label: string;
  urgency: RedFlagUrgency;
  questionIds: string[];
  /** Clinical words for each yes answer, then any age reason (naming the setting). */
  reasons: string[];
  action: string;
}

export interface RedFlagSettings {
  settingsVersion: 1;
  olderAgeOverYears: number;
  /**
   * How many of the inflammatory-back-pain features make a finding: 2 of 4, after the Berlin criteria
   * (Rudwaleit M et al. Arthritis Rheum 2006;54:569–578) — not in the reference, so [U].
   */
  inflammatoryMinFeatures: number;
}

export const DEFAULT_RED_FLAG_SETTINGS: Readonly<RedFlagSettings> = Object.freeze({
  settingsVersion: 1,
  olderAgeOverYears: 50,
  inflammatoryMinFeatures: 2,
});

/**
 * Weak cancer flags. In a chronic-pain clinic "no better after a month" and "pain at night" are common;
 * NICE notes a single weak flag should not raise suspicion. They count only beside a strong flag (a history
 * of cancer, weight loss without trying) or together.
 */
const WEAK_CANCER_FLAGS = ['cancer.not-improving', 'cancer.night-pain'];

const q = (condition: RedFlagCondition, id: string, text: string, reason: string): RedFlagQuestion => ({
  id: `${condition}.${id}`,
  text,
  condition,
  reason,
});

export const RED_FLAG_QUESTIONS: readonly RedFlagQuestion[] = [
  q('cauda-equina', 'bladder', 'Since this pain started, has it been hard to pee, or have you leaked pee without meaning to?', 'Urinary retention or new incontinence'),
  q('cauda-equina', 'bowel', 'Since this pain started, have you lost control of your bowels (poop)?', 'Faecal incontinence'),
  q('cauda-equina', 'saddle', 'Is the skin numb around your bottom, between your legs, or on your inner thighs?', 'Saddle anaesthesia'),
  q('cauda-equina', 'leg-weakness', 'Are your legs getting weaker, so it is harder to stand or walk?', 'Progressive leg weakness (neurological deficit)'),
  q('cancer', 'history', 'Have you ever had cancer?', 'History of cancer'),
  q('cancer', 'weight-loss', 'Have you lost weight without trying?', 'Unexplained weight loss'),
  q('cancer', 'not-improving', 'Has this pain not gotten any better at all in the last month?', 'No improvement after 1 month'),
  q('cancer', 'night-pain', 'Do you have pain at night or at rest that does not ease when you lie still?', 'Night or rest pain'),
  q('infection', 'fever', 'Have you had a fever or chills along with this pain?', 'Fever or chills'),
  q('infection', 'injected-drugs', 'In the past year, have you injected drugs?', 'Injected drug use'),
  q('infection', 'recent-infection', 'Have you had a bladder or other infection in the last few weeks?', 'Recent bacterial infection'),
  q('infection', 'weak-immune', 'Do you have a weak immune system, or take medicine that weakens it?', 'Immunosuppression'),
  q('infection', 'wound', 'Have you had a deep wound near your spine, like a stab or a cut?', 'Penetrating wound'),
  q('fracture', 'major-injury', 'Did this pain start after a bad fall, a car crash, or another big injury?', 'Major trauma'),
  q('fracture', 'minor-injury', 'Did this pain start after a small fall, or after you lifted a heavy thing?', 'Minor trauma or strenuous lifting'),
  q('fracture', 'osteoporosis', 'Have you been told you have thin or weak bones (osteoporosis)?', 'Osteoporosis'),
  q('fracture', 'steroids', 'Have you taken steroid pills, like prednisone, for a long time?', 'Long-term corticosteroid use'),
  q('fracture', 'deformity', 'Has the shape of your back changed, like a new bump or curve?', 'Structural deformity'),
  q('inflammatory', 'morning-stiffness', 'Is your back very stiff when you get up in the morning?', 'Morning stiffness'),
  q('inflammatory', 'better-with-exercise', 'Does your back pain get better when you move or exercise?', 'Improvement with exercise'),
  q('inflammatory', 'buttock-pain', 'Do you have pain deep in your buttocks that switches from one side to the other?', 'Alternating buttock pain'),
  q('inflammatory', 'wakes-late-night', 'Does back pain wake you up in the second half of the night?', 'Waking in the second half of the night'),
];

const CONDITIONS: Readonly<Record<RedFlagCondition, { label: string; urgency: RedFlagUrgency; action: string }>> = {
  'cauda-equina': {
    label: 'Possible cauda equina syndrome',
    urgency: 'emergency',
    action: 'Emergency: same-day assessment for possible cauda equina syndrome; image promptly (ACP 2007).',
  },
  cancer: {
    label: 'Possible cancer',
    urgency: 'urgent',
    action: 'Urgent clinical review for possible cancer; image promptly if serious disease is suspected (ACP 2007).',
  },
  infection: {
    label: 'Possible spinal infection',
    urgency: 'urgent',
    action: 'Urgent clinical review for possible spinal infection; image promptly if serious disease is suspected (ACP 2007).',
  },
  fracture: {
    label: 'Possible vertebral fracture',
    urgency: 'urgent',
    action: 'Urgent clinical review for possible fracture; image promptly if fracture is suspected (ACP 2007).',
  },
  inflammatory: {
    label: 'Possible inflammatory back pain (axial spondyloarthritis)',
    urgency: 'soon',
    action: 'Review soon: consider axial spondyloarthritis as an alternative diagnosis (NICE NG59).',
  },
};

const URGENCY_ORDER: readonly RedFlagUrgency[] = ['emergency', 'urgent', 'soon'];
const CONDITION_ORDER: readonly RedFlagCondition[] = ['cauda-equina', 'cancer', 'infection', 'fracture', 'inflammatory'];
const FRACTURE_MODIFIERS = ['fracture.osteoporosis', 'fracture.steroids'];

/** Which yes answers make a finding for a condition, and the extra reasons (age) that go with them. */
function evidence(
  condition: RedFlagCondition,
  yes: readonly RedFlagQuestion[],
  ageYears: number,
  settings: RedFlagSettings,
): { questions: RedFlagQuestion[]; extra: string[] } {
  const older = ageYears > settings.olderAgeOverYears;
  const ageReason = `Age ${ageYears}, over ${settings.olderAgeOverYears} (setting olderAgeOverYears=${settings.olderAgeOverYears}, v${settings.settingsVersion})`;
  const mine = yes.filter((question) => question.condition === condition);
  if (condition === 'cancer') {
    const strongCancer = mine.filter((question) => !WEAK_CANCER_FLAGS.includes(question.id));
    const weakCancer = mine.filter((question) => WEAK_CANCER_FLAGS.includes(question.id));
    if (strongCancer.length === 0 && weakCancer.length < WEAK_CANCER_FLAGS.length) return { questions: [], extra: [] };
    return { questions: mine, extra: older ? [ageReason] : [] };
  }
  if (condition === 'inflammatory') {
    return mine.length >= settings.inflammatoryMinFeatures ? { questions: mine, extra: [] } : { questions: [], extra: [] };
  }
  if (condition !== 'fracture') return { questions: mine, extra: [] };
  const has = (id: string): boolean => mine.some((question) => question.id === id);
  const modifiers = mine.filter((question) => FRACTURE_MODIFIERS.includes(question.id));
  const minorCounts = has('fracture.minor-injury') && (modifiers.length > 0 || older);
  const strong = mine.filter((question) => question.id === 'fracture.major-injury' || question.id === 'fracture.deformity');
  if (strong.length === 0 && !minorCounts) return { questions: [], extra: [] };
  const withMinor = minorCounts ? mine.filter((question) => !strong.includes(question)) : [];
  return {
    questions: mine.filter((question) => strong.includes(question) || withMinor.includes(question)),
    extra: minorCounts && older ? [ageReason] : [],
  };
}

/** The findings, most urgent first. Only answers that are exactly `true` count as yes. */
export function assessRedFlags(
  answers: Record<string, boolean | null>,
  context: { ageYears: number },
  settings: RedFlagSettings = DEFAULT_RED_FLAG_SETTINGS,
): RedFlagFinding[] {
  const yes = RED_FLAG_QUESTIONS.filter((question) => answers[question.id] === true);
  const findings: RedFlagFinding[] = [];
  for (const condition of CONDITION_ORDER) {
    const { questions, extra } = evidence(condition, yes, context.ageYears, settings);
    if (questions.length === 0) continue;
    const { label, urgency, action } = CONDITIONS[condition];
    findings.push({
      condition,
      label,
      urgency,
      questionIds: questions.map((question) => question.id),
      reasons: [...questions.map((question) => question.reason), ...extra],
      action,
    });
  }
  return findings.sort((a, b) => URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency));
}

/** Every problem with a red-flag page value: an object of question id → true, false or null. */
export function validateRedFlagAnswers(value: unknown): Issue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [error('intake.not-an-object', 'The red-flag answers must be an object keyed by question id.')];
  }
  const issues: Issue[] = [];
  for (const [id, answer] of Object.entries(value)) {
    if (!RED_FLAG_QUESTIONS.some((question) => question.id === id)) {
      issues.push(error('intake.unknown-question', `${id} is not a red-flag question.`, id));
    } else if (answer !== null && typeof answer !== 'boolean') {
      issues.push(error('intake.wrong-answer-type', `The answer to ${id} must be yes or no (true or false).`, id));
    }
  }
  return issues;
}
