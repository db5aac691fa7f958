/**
 * Shared types for instruments, answers and scores (docs/intake-and-measures.md, "Domain").
 * They live here, apart from instruments.ts and score.ts (which re-export them), so that one file per
 * instrument can import them without an import cycle.
 * Source: the contract; no clinical figures in this file.
 */
import type { Issue } from '../issues';
import type { MeasureSettings } from './settings';

export const INSTRUMENT_IDS = ['peg', 'phq2', 'phq9', 'gad7', 'psfs', 'startback', 'ort', 'ort-oud'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

/** One answer choice; `label` in plain words (validated instruments keep their published labels). */
export interface AnswerOption {
  value: number;
  label: string;
}

export type ItemKind = 'choice' | 'scale-0-10' | 'yes-no' | 'activity';

export interface InstrumentItem {
  /** Stable, e.g. 'phq9.9'. */
  id: string;
  /** The question as shown to the patient. */
  text: string;
  /** activity = PSFS list of { name, score 0–10 }. */
  kind: ItemKind;
  /** For 'choice'. */
  options?: AnswerOption[];
  /** For 'scale-0-10' and 'activity'. */
  anchors?: { low: string; high: string };
  /** Item LOINC code where one exists and we are sure of it. */
  loinc?: string;
  /** ORT items weighted by sex. */
  sexSpecific?: boolean;
}

export interface InstrumentBand {
  code: string;
  label: string;
  min: number;
  max: number;
}

export interface Instrument {
  id: InstrumentId;
  /** Stored with every response, e.g. '2009'. */
  version: string;
  title: string;
  /** Plain words for the portal. */
  patientTitle: string;
  /** The instruction shown above the items, as published (or in plain words where nothing is published). */
  prompt: string;
  /** 'the past week', 'the last 2 weeks'. */
  recall: string;
  items: InstrumentItem[];
  /** LOINC where one exists and we are sure of it; see each instrument file for codes left out. */
  loinc?: { panel?: string; total?: string };
  scoreRange: { min: number; max: number };
  /** [] when the instrument has none (PEG, PSFS). Defaults; a band may come from a setting (ORT-OUD). */
  bands: InstrumentBand[];
  /** Which way is better, for charts and change labels. */
  direction: 'lower-is-better' | 'higher-is-better';
  /** restricted = true: shown to the clinic lead (STarT Back commercial use, ORT permission). */
  licence: { text: string; restricted: boolean };
  /** Citation (reference section 7). */
  source: string;
}

export interface PsfsActivity {
  name: string;
  score: number;
}

/** Keyed by item id; null or missing = not answered yet. */
export type Answers = Record<string, number | PsfsActivity[] | boolean | null>;

/** ORT needs sex and age. */
export interface ScoreContext {
  sex?: 'female' | 'male' | 'other' | 'unknown';
  ageYears?: number;
}

export type ScoreFlag =
  | { code: 'phq9.item9-positive'; message: string }
  | { code: 'phq2.positive'; message: string }
  | { code: string; message: string };

export interface ScoreBand {
  code: string;
  label: string;
  /** The setting that produced the band when a setting did (ORT-OUD), e.g. 'ortOudHighRiskCutoff=3 (v1)'. */
  setting?: string;
}

export interface InstrumentScore {
  instrumentId: InstrumentId;
  instrumentVersion: string;
  /** Every required item answered (and valid). */
  complete: boolean;
  /** null when incomplete, or when the context a rule needs is missing (ORT sex or age; see issues). */
  total: number | null;
  band: ScoreBand | null;
  /** STarT Back 'psychosocial'. */
  subscales: Record<string, number>;
  flags: ScoreFlag[];
  /** PSFS. */
  activities?: PsfsActivity[];
  /** Every invalid answer with path = item id (e.g. 'phq9.3'); nothing is guessed. */
  issues: Issue[];
}

/** Valid answers only, keyed by item id (score.ts drops invalid ones before a rule sees them). */
export type ValidAnswers = ReadonlyMap<string, number | boolean | PsfsActivity[]>;

/** What an instrument rule adds once every item has a valid answer. */
export interface ScoreParts {
  total: number | null;
  band: ScoreBand | null;
  subscales?: Record<string, number>;
  flags?: ScoreFlag[];
  activities?: PsfsActivity[];
  issues?: Issue[];
}

/** One instrument: its definition and its scoring rule. */
export interface InstrumentModule {
  instrument: Instrument;
  /** Scores complete, valid answers. */
  score(answers: ValidAnswers, context: ScoreContext, settings: MeasureSettings): ScoreParts;
  /** Flags raised by single answers whatever the rest (PHQ-9 item 9); runs on incomplete answers too. */
  itemFlags?(answers: ValidAnswers): ScoreFlag[];
}
