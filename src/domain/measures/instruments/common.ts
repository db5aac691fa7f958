/**
 * Pieces several instruments share: the PHQ/GAD response set, the Pfizer licence notice, band look-up
 * and typed reads of valid answers.
 * Source: reference/clinical-facts.md 7.3–7.4 (PHQ and GAD-7 response set 0–3 and the Pfizer release) [S].
 */
import type { AnswerOption, Instrument, ScoreBand, ValidAnswers } from '../types';

/** PHQ-9, PHQ-2 and GAD-7 response set, as published. */
export const FREQUENCY_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

/** The statement printed on the PHQ and GAD-7 forms (reference 7.3) [S]. */
export const PFIZER_LICENCE = {
  text:
    'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an ' +
    'educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  restricted: false,
} as const;

/** The band whose min..max holds the total, or null when none does (instruments without bands). */
export function bandFor(instrument: Instrument, total: number): ScoreBand | null {
  const band = instrument.bands.find((b) => total >= b.min && total <= b.max);
  return band === undefined ? null : { code: band.code, label: band.label };
}

/** A valid numeric answer; score.ts only calls rules when every item has one, so absence is a bug. */
export function numberAt(answers: ValidAnswers, itemId: string): number {
  const value = answers.get(itemId);
  if (typeof value !== 'number') throw new Error(`numberAt: ${itemId} has no numeric answer`);
  return value;
}

export function booleanAt(answers: ValidAnswers, itemId: string): boolean {
  const value = answers.get(itemId);
  if (typeof value !== 'boolean') throw new Error(`booleanAt: ${itemId} has no yes/no answer`);
  return value;
}

export function sumOf(answers: ValidAnswers, itemIds: readonly string[]): number {
  return itemIds.reduce((sum, id) => sum + numberAt(answers, id), 0);
}

/** Rounds to one decimal place, halves away from zero (4.25 → 4.3), without binary-fraction surprises. */
export function roundOneDecimal(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value) * 10 + 1e-9) / 10;
}
