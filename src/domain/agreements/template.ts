/**
 * Agreement templates: text with `{{placeholder}}`s that the clinic lead edits, and the rendering of a
 * template for one patient. Source: PRODUCT.md capability 7; issue 3 ("Agreements").
 *
 * Rules:
 * - Known placeholders only (AGREEMENT_PLACEHOLDERS); an unknown one is an error ('agreement.unknown-placeholder').
 * - A template must name the patient's own goals ({{goals}}) and when it will be reviewed ({{reviewDate}}):
 *   without them it is an error ('agreement.missing-placeholder').
 * - The reading grade is computed by the caller (src/domain/language/readability) and compared with the
 *   setting AGREEMENT_SETTINGS.maxReadingGrade; above it is a warning ('agreement.reading-grade-high'), the
 *   template can still be saved (the clinic lead decides) but the grade is shown everywhere.
 * - Rendering replaces every placeholder; goals become one list line each; with no goals a line asks to
 *   write them together and the result carries the warning 'agreement.no-goals'.
 */
import type { Issue } from '../issues';
import { error } from '../issues';

export const AGREEMENT_PLACEHOLDERS = ['patientName', 'clinicName', 'prescriberName', 'pharmacy', 'goals', 'reviewDate'] as const;
export type AgreementPlaceholder = (typeof AGREEMENT_PLACEHOLDERS)[number];
export const REQUIRED_PLACEHOLDERS: readonly AgreementPlaceholder[] = ['goals', 'reviewDate'];

/** Named, versioned settings (brief: disputed figures are settings with the reference default). */
export const AGREEMENT_SETTINGS = {
  version: 'agreements-2026-12',
  /** Highest Flesch-Kincaid grade for agreement text. Plain-language guidance for patient materials commonly
   *  names grade 6 to 8 [U for one authoritative figure]; Painpath uses the stricter 6 (issue 3). */
  maxReadingGrade: 6,
  /** Maximum lengths (characters). */
  maxTemplateLength: 20_000,
  maxGoalLength: 200,
} as const;

export const PLACEHOLDER_LABELS: Record<AgreementPlaceholder, string> = {
  patientName: "The patient's name",
  clinicName: 'The clinic name',
  prescriberName: 'The prescriber',
  pharmacy: 'The pharmacy',
  goals: "The patient's own goals (one line each)",
  reviewDate: 'The review date',
};

const PLACEHOLDER_RE = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export interface AgreementValues {
  patientName: string;
  clinicName: string;
  prescriberName: string;
  /** Null when the clinic does not name one pharmacy: the text then says "one pharmacy we choose together". */
  pharmacy: string | null;
  /** The patient's own functional goals (PSFS activities or the care plan). */
  goals: readonly string[];
  /** YYYY-MM-DD */
  reviewDate: string;
}

export function placeholdersIn(body: string): string[] {
  return [...body.matchAll(PLACEHOLDER_RE)].map((m) => m[1] ?? '');
}

function isPlaceholder(name: string): name is AgreementPlaceholder {
  return (AGREEMENT_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Checks a template body; the reading grade (computed by the caller) gives a warning when high. */
export function validateTemplate(body: string, readingGrade: number | null): Issue[] {
  const issues: Issue[] = [];
  if (body.trim() === '') issues.push(error('agreement.template-empty', 'Write the agreement text.', 'body'));
  if (body.length > AGREEMENT_SETTINGS.maxTemplateLength) {
    issues.push(error('agreement.template-too-long', `Keep the text under ${AGREEMENT_SETTINGS.maxTemplateLength} characters.`, 'body'));
  }
  const used = placeholdersIn(body);
  for (const name of new Set(used)) {
    if (!isPlaceholder(name)) {
      issues.push(error('agreement.unknown-placeholder', `{{${name}}} is not a placeholder Painpath knows. Use one of: ${AGREEMENT_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`, 'body'));
    }
  }
  for (const name of REQUIRED_PLACEHOLDERS) {
    if (!used.includes(name)) issues.push(error('agreement.missing-placeholder', `The agreement must include {{${name}}} (${PLACEHOLDER_LABELS[name].toLowerCase()}).`, 'body'));
  }
  if (readingGrade !== null && readingGrade > AGREEMENT_SETTINGS.maxReadingGrade) {
    issues.push({
      code: 'agreement.reading-grade-high',
      message: `Reading grade ${readingGrade.toFixed(1)} is above the target of ${AGREEMENT_SETTINGS.maxReadingGrade} (setting ${AGREEMENT_SETTINGS.version}). Shorter sentences and shorter words help.`,
      severity: 'warning',
      path: 'body',
    });
  }
  return issues;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2027-03-12" → "March 12, 2027" (no time zone involved: it is a calendar date). */
export function formatReviewDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}, ${m[1]}`;
}

export interface RenderedAgreement {
  text: string;
  issues: Issue[];
}

/** Fills a template for one patient. Unknown placeholders are left as written (validateTemplate reports them). */
export function renderAgreement(body: string, values: AgreementValues): RenderedAgreement {
  const issues: Issue[] = [];
  const goals = values.goals.map((g) => g.trim()).filter((g) => g !== '');
  if (goals.length === 0) {
    issues.push({ code: 'agreement.no-goals', message: 'No goals are recorded yet. Write them together before signing.', severity: 'warning', path: 'goals' });
  }
  const replacements: Record<AgreementPlaceholder, string> = {
    patientName: values.patientName.trim(),
    clinicName: values.clinicName.trim(),
    prescriberName: values.prescriberName.trim(),
    pharmacy: values.pharmacy !== null && values.pharmacy.trim() !== '' ? values.pharmacy.trim() : 'one pharmacy we choose together',
    goals: goals.length > 0 ? goals.map((g) => `- ${g}`).join('\n') : '- We will write your goals here together.',
    reviewDate: formatReviewDate(values.reviewDate),
  };
  const text = body.replace(PLACEHOLDER_RE, (whole, name: string) => (isPlaceholder(name) ? replacements[name] : whole));
  return { text, issues };
}

export type AgreementBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

/** Splits agreement text into blocks for the web page and the PDF (headings, paragraphs, lists). */
export function agreementBlocks(text: string): AgreementBlock[] {
  const blocks: AgreementBlock[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('## ')) blocks.push({ kind: 'heading', text: line.slice(3).trim() });
    else if (line.startsWith('# ')) blocks.push({ kind: 'title', text: line.slice(2).trim() });
    else if (line.startsWith('- ')) {
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'list') last.items.push(line.slice(2).trim());
      else blocks.push({ kind: 'list', items: [line.slice(2).trim()] });
    } else blocks.push({ kind: 'paragraph', text: line });
  }
  return blocks;
}

/**
 * The prose only, for the reading-grade calculation: paragraphs and list items (each item a sentence);
 * titles and headings are left out so short headings do not lower the grade. Placeholders left in a template
 * are read as short sample values.
 */
export function plainTextForGrade(text: string): string {
  return agreementBlocks(text)
    .flatMap((b) => (b.kind === 'list' ? b.items : b.kind === 'paragraph' ? [b.text] : []))
    .map((s) => (/[.!?:]$/.test(s) ? s : `${s}.`))
    .join(' ')
    .replace(PLACEHOLDER_RE, (_w, name: string) => (name === 'goals' ? 'Walk my dog.' : name === 'reviewDate' ? 'March 12' : 'Sam'));
}
