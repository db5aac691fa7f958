/**
 * Suggested wording about a spine imaging finding: one sentence for the report (clinical names) and a short,
 * plain-language paragraph for the person (no alarm words, no jargon, reading grade about 6).
 *
 * Source: seed article 003 — "a structural finding requires careful interpretation"; people reassured that
 * findings "are common, frequently asymptomatic, and not the complete picture" do better than those given a
 * bare factual report (Rajasekaran 2021 RCT; Darlow 2013), as cited in the seed.
 *
 * Accuracy: the wording scales with the figure — "most people" only when at least half have it; "about N in
 * 100" always; when the figure is low (under 10 %) it does not claim the finding is common, and says instead
 * that it is also found in people without pain. It never promises the finding is unrelated to the pain.
 */
import { FINDING_NAMES, type SpineFinding } from './brinjikji-2015';

/** Words that frighten without informing; the person's wording must contain none of them (tested). */
export const ALARM_WORDS = [
  'degenerat',
  'tear',
  'damage',
  'worn',
  'wear and tear',
  'collapse',
  'rupture',
  'herniat',
  'abnormal',
  'severe',
  'disease',
  'crumbl',
  'slipped',
  'disintegrat',
  'deteriorat',
] as const;

function howCommon(percent: number): string {
  if (percent >= 50) return 'This is found in most people your age who have no pain at all.';
  if (percent >= 25) return 'This is common in people your age who have no pain at all.';
  if (percent >= 10) return 'Many people your age who have no pain at all have this too.';
  return 'It is less common at your age, but it is also found in people who have no pain at all.';
}

export function patientWording(finding: SpineFinding, age: number, percent: number): string {
  const names = FINDING_NAMES[finding];
  return [
    `Your scan shows ${names.plain}. ${names.explanation}`,
    `About ${percent} in 100 people aged ${age} who have no back pain have this on their scans.`,
    howCommon(percent),
    'A scan shows shapes, not pain. On its own, this finding does not tell us why you hurt or what you can do.',
    'Keeping moving and building up step by step is usually safe and helpful; your care team will tell you if your scan needs anything more.',
  ].join(' ');
}

export function reportWording(finding: SpineFinding, age: number, percent: number): string {
  const names = FINDING_NAMES[finding];
  return `${names.clinical}: reported in about ${percent}% of people aged ${age} without back pain (Brinjikji et al., AJNR 2015); common with age and to be interpreted in clinical context.`;
}
