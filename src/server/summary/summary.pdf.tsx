/**
 * The pre-visit summary as a one-page PDF (US Letter), drawn with @react-pdf/renderer from the same object
 * as GET /patients/{id}/summary. The font is Atkinson Hyperlegible (Braille Institute, SIL OFL 1.1),
 * embedded from its TTF files so the PDF reads the same everywhere. Safety items and red flags come first.
 * One page is kept by capping each list and clipping long text (the rest is counted: "and 3 more — see Painpath");
 * the test renders a summary with every list full and checks that it is still one page.
 */
import { createRequire } from 'node:module';
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { PreVisitSummary } from './summary.service';
import { formatDate } from './summary.words';

const require = createRequire(import.meta.url);
const FONT = 'Atkinson Hyperlegible';
const FONT_PACKAGE = '@expo-google-fonts/atkinson-hyperlegible';

Font.register({
  family: FONT,
  fonts: [
    { src: require.resolve(`${FONT_PACKAGE}/400Regular/AtkinsonHyperlegible_400Regular.ttf`), fontWeight: 400 },
    { src: require.resolve(`${FONT_PACKAGE}/700Bold/AtkinsonHyperlegible_700Bold.ttf`), fontWeight: 700 },
    { src: require.resolve(`${FONT_PACKAGE}/400Regular_Italic/AtkinsonHyperlegible_400Regular_Italic.ttf`), fontWeight: 400, fontStyle: 'italic' },
  ],
});
// Words are never split with hyphens: clinical terms stay whole.
Font.registerHyphenationCallback((word) => [word]);

const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const ALERT = '#9b1c1c';

const s = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: 9.5, color: INK, paddingTop: 30, paddingBottom: 34, paddingHorizontal: 36, lineHeight: 1.3 },
  header: { flexDirection: 'row', justifyContent: 'space-between', borderBottomWidth: 1.5, borderBottomColor: INK, paddingBottom: 6, marginBottom: 8 },
  name: { fontSize: 16, fontWeight: 700, lineHeight: 1.2, marginBottom: 2 },
  meta: { fontSize: 9, color: MUTED },
  safety: { borderWidth: 1.5, borderColor: ALERT, borderRadius: 3, padding: 7, marginBottom: 8 },
  safetyTitle: { fontSize: 11, fontWeight: 700, color: ALERT, marginBottom: 3 },
  safetyItem: { marginBottom: 3 },
  bold: { fontWeight: 700 },
  columns: { flexDirection: 'row', gap: 14 },
  column: { flex: 1 },
  h2: { fontSize: 11, fontWeight: 700, marginTop: 6, marginBottom: 3, borderBottomWidth: 0.5, borderBottomColor: MUTED, paddingBottom: 1 },
  line: { marginBottom: 2.5 },
  muted: { color: MUTED },
  quote: { fontStyle: 'italic', marginBottom: 2.5 },
  footer: { position: 'absolute', bottom: 16, left: 36, right: 36, fontSize: 7.5, color: MUTED },
});

/** How much of each list and text is printed. Tried in order until the summary fits on one page. */
interface Limits {
  safety: number;
  detail: number;
  sentences: number;
  sentence: number;
  tried: number;
  scores: number;
  change: number;
  activities: number;
  quote: number;
  /** Also print the change since the first score. */
  baseline: boolean;
}
const LEVELS: readonly [Limits, ...Limits[]] = [
  { safety: 4, detail: 320, sentences: 8, sentence: 200, tried: 5, scores: 7, change: 120, activities: 5, quote: 180, baseline: true },
  { safety: 3, detail: 150, sentences: 6, sentence: 140, tried: 3, scores: 6, change: 90, activities: 4, quote: 120, baseline: true },
  { safety: 3, detail: 120, sentences: 5, sentence: 120, tried: 3, scores: 6, change: 80, activities: 4, quote: 100, baseline: false },
  { safety: 2, detail: 80, sentences: 3, sentence: 90, tried: 2, scores: 4, change: 60, activities: 2, quote: 60, baseline: false },
];

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function capped<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

function More({ count }: { count: number }): ReactElement | null {
  return count > 0 ? <Text style={s.muted}>and {count} more — see Painpath</Text> : null;
}

function SafetyBox({ summary, limits }: { summary: PreVisitSummary; limits: Limits }): ReactElement {
  const { shown, more } = capped(summary.safety, limits.safety);
  return (
    <View style={s.safety}>
      <Text style={s.safetyTitle}>{summary.safety.length > 0 ? 'Safety and red flags — act on these first' : 'Safety and red flags'}</Text>
      {shown.length === 0 ? <Text>No open safety items and no red flags in the latest intake.</Text> : null}
      {shown.map((item, i) => (
        <View key={i} style={s.safetyItem}>
          <Text>
            <Text style={s.bold}>{clip(item.title, 110)}</Text>
            {item.taskStatus ? `  [task ${item.taskStatus.replace('_', ' ')}]` : ''}
          </Text>
          <Text style={s.muted}>{clip(item.detail, limits.detail)}</Text>
        </View>
      ))}
      <More count={more} />
    </View>
  );
}

function StoryColumn({ summary, limits }: { summary: PreVisitSummary; limits: Limits }): ReactElement {
  const { story } = summary;
  const sentences = capped(story.sentences, limits.sentences);
  const tried = capped(story.tried, limits.tried);
  return (
    <View style={s.column}>
      <Text style={s.h2}>Their story{summary.intake ? ` (intake ${summary.intake.status === 'submitted' && summary.intake.submittedAt ? `sent ${formatDate(summary.intake.submittedAt)}` : 'in progress'})` : ''}</Text>
      {sentences.shown.length === 0 ? <Text style={s.muted}>No intake answers yet.</Text> : null}
      {sentences.shown.map((line, i) => (
        <Text key={i} style={s.line}>
          {clip(line, limits.sentence)}
        </Text>
      ))}
      <More count={sentences.more} />
      {tried.shown.length > 0 ? <Text style={s.h2}>What they have tried</Text> : null}
      {tried.shown.map((t, i) => (
        <Text key={i} style={s.line}>
          {clip(t.treatment, 60)} — helped: {t.helped.toLowerCase()}
          {t.sideEffects ? `; problems: ${clip(t.sideEffects, 60)}` : ''}
        </Text>
      ))}
      <More count={tried.more} />
      {story.fears || story.hopes ? <Text style={s.h2}>Worries and hopes, in their words</Text> : null}
      {story.fears ? <Text style={s.quote}>Worried about: “{clip(story.fears, limits.quote)}”</Text> : null}
      {story.hopes ? <Text style={s.quote}>Hopes to: “{clip(story.hopes, limits.quote)}”</Text> : null}
    </View>
  );
}

function MeasuresColumn({ summary, limits }: { summary: PreVisitSummary; limits: Limits }): ReactElement {
  const scores = capped(summary.scores, limits.scores);
  const activities = capped(summary.activities, limits.activities);
  const a = summary.assessment;
  return (
    <View style={s.column}>
      <Text style={s.h2}>Duration</Text>
      <Text style={s.line}>{summary.chronicity ? summary.chronicity.text : 'Onset not given yet.'}</Text>
      <Text style={s.h2}>Scores and change since last time</Text>
      {scores.shown.length === 0 ? <Text style={s.muted}>No completed questionnaires yet.</Text> : null}
      {scores.shown.map((score) => (
        <View key={score.instrumentId} style={s.line}>
          <Text>
            <Text style={s.bold}>{clip(score.text, limits.change)}</Text> <Text style={s.muted}>({formatDate(score.at)})</Text>
          </Text>
          <Text style={s.muted}>{clip(`${score.previousAt ? 'Since last time: ' : ''}${score.changeText}`, limits.change)}</Text>
          {limits.baseline && score.changeFromBaseline && score.baselineAt ? (
            <Text style={s.muted}>{clip(`Since ${formatDate(score.baselineAt)}: ${score.changeFromBaseline.text}`, limits.change)}</Text>
          ) : null}
        </View>
      ))}
      <More count={scores.more} />
      {activities.shown.length > 0 ? <Text style={s.h2}>Activities they want back (PSFS, 0–10)</Text> : null}
      {activities.shown.map((act, i) => (
        <Text key={i} style={s.line}>
          <Text style={s.bold}>{clip(act.name, 50)}</Text>: {act.change ? clip(act.change.text, 90) : `${act.score} of 10, first time measured`}
        </Text>
      ))}
      <More count={activities.more} />
      <Text style={s.h2}>Latest assessment</Text>
      {a ? (
        <Text style={s.line}>
          {`Mechanism: ${a.mechanism}; irritability: ${a.irritability}${a.comorbidities.length > 0 ? `; also: ${clip(a.comorbidities.join(', '), 90)}` : ''} (${formatDate(a.assessedAt)}).`}
        </Text>
      ) : (
        <Text style={s.muted}>Not assessed yet.</Text>
      )}
    </View>
  );
}

export function SummaryDocument({ summary, limits = LEVELS[0] }: { summary: PreVisitSummary; limits?: Limits }): ReactElement {
  const p = summary.patient;
  const who = [`${p.age} years`, p.sex, p.pronouns, `MRN ${p.mrn}`, p.interpreterNeeded ? `interpreter: ${p.preferredLanguage}` : null].filter(Boolean).join(' · ');
  return (
    <Document title={`Pre-visit summary: ${p.name}`} author="Painpath" language="en">
      <Page size="LETTER" style={s.page}>
        <View style={s.header}>
          <View>
            <Text style={s.name}>{clip(p.name, 60)}</Text>
            <Text style={s.meta}>{who}</Text>
          </View>
          <View>
            <Text style={[s.meta, s.bold]}>Pre-visit summary</Text>
            <Text style={s.meta}>{formatDate(summary.generatedAt)}</Text>
          </View>
        </View>
        <SafetyBox summary={summary} limits={limits} />
        <View style={s.columns}>
          <StoryColumn summary={summary} limits={limits} />
          <MeasuresColumn summary={summary} limits={limits} />
        </View>
        <Text style={s.footer} fixed>
          Painpath pre-visit summary, made {formatDate(summary.generatedAt)}. Change labels name their threshold and setting in Painpath (PEG 30 % CDC 2022; PSFS
          minimum detectable change 2 points average, 3 points per activity). Decision support: it suggests, the clinician decides. Confidential health information.
        </Text>
      </Page>
    </Document>
  );
}

/** Characters the embedded font has no glyph for, and what is printed instead. */
const GLYPH_FALLBACKS: readonly [RegExp, string][] = [[/\s*→\s*/g, ' to ']];

function printable<T>(value: T): T {
  if (typeof value === 'string') return GLYPH_FALLBACKS.reduce((text, [pattern, to]) => text.replace(pattern, to), value as string) as T;
  if (Array.isArray(value)) return value.map(printable) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printable(v)])) as T;
  return value;
}

/** Pages in a PDF written by react-pdf (page objects are plain dictionaries there). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

/** Renders with the fullest limits that fit one page; the tightest level is used whatever happens. */
export async function renderSummaryPdf(summary: PreVisitSummary): Promise<Buffer> {
  const safe = printable(summary);
  let pdf: Buffer | undefined;
  for (const limits of LEVELS) {
    pdf = await renderToBuffer(<SummaryDocument summary={safe} limits={limits} />);
    if (pdfPageCount(pdf) <= 1) return pdf;
  }
  return pdf as Buffer;
}
