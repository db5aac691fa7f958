/**
 * Change between two scores, labelled against named thresholds, and trajectories over time.
 * Source: reference/clinical-facts.md section 7 and PRODUCT.md capability 2.
 * - PEG: a change of ≥ 30 % of the earlier PEG is meaningful (CDC 2022 uses 30 % improvement in pain and
 *   function as clinically meaningful) [V]; worsening uses the same 30 % (our assumption: symmetric).
 * - PSFS: minimum detectable change 2 points on the average, 3 points on one activity [S].
 * - PHQ-9 5 points, GAD-7 4 points: not in the reference [U]; the label says so.
 * - PHQ-2, STarT Back, ORT and ORT-OUD are screens or risk tools: no change label (null).
 * Assumptions:
 * - Thresholds are inclusive (exactly 30 % or exactly 2 points is meaningful). Comparisons use the
 *   values rounded to 6 decimal places, so 7.1 − 5.1 counts as 2 and not as 1.9999999999999996.
 * - From an earlier PEG of 0 any rise is more than 30 % (percent is null: it cannot be worked out).
 * - Lower is better for PEG, PHQ and GAD; higher is better for PSFS (Instrument.direction).
 * - A trajectory is ordered by time (`at`, ISO 8601; ties keep their order); the baseline is the first point with a total; points
 *   without a total get no change and are skipped as "previous".
 */
import { INSTRUMENTS } from './instruments';
import type { MeasureSettingName, MeasureSettings } from './settings';
import { DEFAULT_MEASURE_SETTINGS, describeSetting } from './settings';
import type { InstrumentId, InstrumentScore } from './types';

export type { MeasureSettings } from './settings';
export { DEFAULT_MEASURE_SETTINGS, describeSetting, resolveMeasureSettings } from './settings';

export type ChangeLabel = 'meaningful-improvement' | 'no-meaningful-change' | 'meaningful-worsening';

export interface LabelledChange {
  label: ChangeLabel;
  from: number;
  to: number;
  delta: number;
  percent: number | null;
  /** e.g. '30 % of the earlier PEG (CDC 2022)'. */
  threshold: string;
  /** The setting name and version that produced it, e.g. 'pegMeaningfulChangePercent=30 (v1)'. */
  setting: string;
  /** Plain words: 'Meaningful improvement: PEG 7.0 → 4.3 (−39 %)'. */
  text: string;
}

export interface TrajectoryPoint {
  at: string;
  score: InstrumentScore;
  /** vs the previous point with a total. */
  change: LabelledChange | null;
  changeFromBaseline: LabelledChange | null;
}

const LABEL_TEXT: Record<ChangeLabel, string> = {
  'meaningful-improvement': 'Meaningful improvement',
  'no-meaningful-change': 'No meaningful change',
  'meaningful-worsening': 'Meaningful worsening',
};

interface Rule {
  name: string;
  settingName: MeasureSettingName;
  kind: 'percent' | 'points';
  decimals: number;
  threshold(value: number): string;
}

const RULES: Partial<Record<InstrumentId, Rule>> = {
  peg: {
    name: 'PEG',
    settingName: 'pegMeaningfulChangePercent',
    kind: 'percent',
    decimals: 1,
    threshold: (v) => `${v} % of the earlier PEG (CDC 2022 uses 30 % improvement as meaningful)`,
  },
  psfs: {
    name: 'PSFS average',
    settingName: 'psfsAverageMdc',
    kind: 'points',
    decimals: 1,
    threshold: (v) => `${v} points on the PSFS average (minimum detectable change, Stratford 1995)`,
  },
  phq9: {
    name: 'PHQ-9',
    settingName: 'phq9MeaningfulChangePoints',
    kind: 'points',
    decimals: 0,
    threshold: (v) => `${v} points on the PHQ-9 (Painpath default, not in the reference: unverified)`,
  },
  gad7: {
    name: 'GAD-7',
    settingName: 'gad7MeaningfulChangePoints',
    kind: 'points',
    decimals: 0,
    threshold: (v) => `${v} points on the GAD-7 (Painpath default, not in the reference: unverified)`,
  },
};

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** One decimal place, halves away from zero (−31.25 → −31.3). */
function round1(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
}

function signed(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return text;
  return `${value < 0 ? '−' : '+'}${text}`;
}

function percentText(percent: number): string {
  const rounded = round1(percent);
  return `${signed(rounded, Number.isInteger(rounded) ? 0 : 1)} %`;
}

function build(
  rule: Rule,
  settings: MeasureSettings,
  from: number,
  to: number,
  higherIsBetter: boolean,
): LabelledChange {
  const delta = round6(to - from);
  const percent = from === 0 ? null : round6((delta / from) * 100);
  const limit = settings[rule.settingName];
  const size = rule.kind === 'percent' ? (percent === null ? (delta === 0 ? 0 : Infinity) : Math.abs(percent)) : Math.abs(delta);
  const meaningful = size >= limit && delta !== 0;
  const better = higherIsBetter ? delta > 0 : delta < 0;
  const label: ChangeLabel = !meaningful ? 'no-meaningful-change' : better ? 'meaningful-improvement' : 'meaningful-worsening';
  const amount =
    rule.kind === 'percent'
      ? percent === null ? signed(delta, rule.decimals) : percentText(percent)
      : `${signed(delta, rule.decimals)} points`;
  return {
    label,
    from,
    to,
    delta,
    percent: percent === null ? null : round1(percent),
    threshold: rule.threshold(limit),
    setting: describeSetting(settings, rule.settingName),
    text: `${LABEL_TEXT[label]}: ${rule.name} ${from.toFixed(rule.decimals)} → ${to.toFixed(rule.decimals)} (${amount})`,
  };
}

/** Labels the change between two scores of one instrument; null when it has no change rule or a total is missing. */
export function labelChange(
  id: InstrumentId,
  earlier: InstrumentScore,
  later: InstrumentScore,
  settings: MeasureSettings = DEFAULT_MEASURE_SETTINGS,
): LabelledChange | null {
  if (earlier.instrumentId !== id || later.instrumentId !== id) {
    throw new Error(`labelChange: both scores must be ${id} scores`);
  }
  const rule = RULES[id];
  if (rule === undefined || earlier.total === null || later.total === null) return null;
  return build(rule, settings, earlier.total, later.total, INSTRUMENTS[id].direction === 'higher-is-better');
}

const ACTIVITY_RULE: Rule = {
  name: 'Activity',
  settingName: 'psfsActivityMdc',
  kind: 'points',
  decimals: 0,
  threshold: (v) => `${v} points on one PSFS activity (minimum detectable change, Stratford 1995)`,
};

/** Labels the change in one PSFS activity's score (higher is better). */
export function labelActivityChange(
  earlier: number,
  later: number,
  settings: MeasureSettings = DEFAULT_MEASURE_SETTINGS,
): LabelledChange {
  return build(ACTIVITY_RULE, settings, earlier, later, true);
}

/** Orders the points by time and labels each against the previous scored point and the baseline. */
export function buildTrajectory(
  id: InstrumentId,
  points: readonly { at: string; score: InstrumentScore }[],
  settings: MeasureSettings = DEFAULT_MEASURE_SETTINGS,
): TrajectoryPoint[] {
  const ordered = points
    .map((point, index) => {
      const time = Date.parse(point.at);
      if (Number.isNaN(time)) throw new Error(`buildTrajectory: ${point.at} is not an ISO 8601 date-time`);
      return { point, index, time };
    })
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ point }) => point);
  let baseline: InstrumentScore | null = null;
  let previous: InstrumentScore | null = null;
  return ordered.map(({ at, score }) => {
    if (score.total === null) return { at, score, change: null, changeFromBaseline: null };
    const change = previous === null ? null : labelChange(id, previous, score, settings);
    const changeFromBaseline = baseline === null ? null : labelChange(id, baseline, score, settings);
    baseline ??= score;
    previous = score;
    return { at, score, change, changeFromBaseline };
  });
}
