/**
 * Shapes of the JSON the intake and measures API (/api/v1, docs/intake-and-measures.md) sends back, as the
 * web app reads them. Domain shapes (scores, changes, the pain story) are imported from src/domain so the
 * two never drift; the server owns the rest — keep this file in step with its route schemas.
 */
import type { IntakePageId } from '../domain/intake/pages';
import type { PainStory } from '../domain/intake/story';
import type { Answers, InstrumentScore } from '../domain/measures/score';
import type { LabelledChange } from '../domain/measures/change';
import type { InstrumentId } from '../domain/measures/instruments';

export type { IntakePageId } from '../domain/intake/pages';
export type { PainStory } from '../domain/intake/story';
export type { Answers, InstrumentScore, PsfsActivity } from '../domain/measures/score';
export type { LabelledChange } from '../domain/measures/change';
export type { Instrument, InstrumentId, InstrumentItem } from '../domain/measures/instruments';

export interface Crisis {
  show: boolean;
  text: string;
  call: string;
}

export type IntakeStatus = 'sent' | 'in-progress' | 'submitted';

export interface Intake {
  id: string;
  patientId: string;
  status: IntakeStatus;
  templateVersion: number;
  pages: IntakePageId[];
  currentPage: IntakePageId;
  savedPages: IntakePageId[];
  story: Partial<PainStory>;
  instruments: Partial<Record<InstrumentId, { answers: Answers; score: InstrumentScore }>>;
  redFlags: Record<string, boolean | null>;
  sentAt: string;
  startedAt: string | null;
  submittedAt: string | null;
  version: number;
  /** Present on a save that needs the crisis panel (PHQ-9 item 9 above "Not at all"). */
  crisis?: Crisis;
}

export interface TodoItem {
  kind: 'intake' | 'instrument';
  id: string;
  patientId: string;
  title: string;
  sentAt: string;
  status: string;
  /** Not in the server's schema yet (see the report); used when present. */
  instrumentId?: string;
}

export interface InstrumentRequest {
  id: string;
  patientId: string;
  instrumentId: string;
  title: string;
  patientTitle: string;
  requestedBy: string;
  requestedAt: string;
  status: 'open' | 'completed' | 'cancelled';
  responseId: string | null;
  cancelledAt: string | null;
}

export interface InstrumentResponseResult {
  response: { id: string; instrumentId: string; authoredAt: string; score: InstrumentScore };
  request: InstrumentRequest;
  crisis?: Crisis;
}

export interface MeasurePoint {
  at: string;
  responseId: string;
  score: InstrumentScore;
  change: LabelledChange | null;
  changeFromBaseline: LabelledChange | null;
  /** Where the answers came from ('intake', 'request', ...), when the server says. */
  source?: string;
}

export interface MeasureSeries {
  instrumentId: InstrumentId;
  title: string;
  patientTitle: string;
  direction: 'lower-is-better' | 'higher-is-better';
  scoreRange: { min: number; max: number };
  points: MeasurePoint[];
}

export interface Measures {
  series: MeasureSeries[];
}

export interface Assessment {
  id: string;
  patientId: string;
  mechanism: string;
  irritability: string;
  comorbidities: string[];
  onsetDate: string | null;
  notes: string | null;
  assessedBy: string;
  assessedByName: string | null;
  assessedAt: string;
}

export interface AssessmentList {
  items: Assessment[];
  mechanisms: string[];
  irritabilityCriteria: Record<string, string[]>;
}

export interface IntakeTemplateInfo {
  id: string | null;
  templateVersion: number;
  hidden: IntakePageId[];
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface IntakeTemplates {
  current: IntakeTemplateInfo;
  pages: { id: IntakePageId; hideable: boolean }[];
  history: IntakeTemplateInfo[];
}

/** GET /patients/:id/summary — the pre-visit summary, safety first. */
export interface VisitSummary {
  patient: {
    id: string;
    name: string;
    age: number;
    sex: string;
    pronouns: string | null;
    mrn: string;
    preferredLanguage: string;
    interpreterNeeded: boolean;
  };
  generatedAt: string;
  safety: {
    kind: 'safety' | 'red-flag' | string;
    title: string;
    detail: string;
    urgency: string;
    at: string | null;
    taskId: string | null;
    taskStatus: string | null;
  }[];
  chronicity: { category: string; text: string; months: number; onset: string; from: string; source: string; note: string | null } | null;
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
  scores: {
    instrumentId: string;
    title: string;
    at: string;
    total: number | null;
    band: { code: string; label: string } | null;
    subscales: Record<string, number>;
    text: string;
    change: LabelledChange | null;
    changeText: string;
    previousAt: string | null;
  }[];
  activities: { name: string; score: number; at: string; change: LabelledChange | null; text: string }[];
  assessment: { mechanism: string; irritability: string; comorbidities: string[]; onsetDate: string | null; notes: string | null; assessedAt: string } | null;
}
