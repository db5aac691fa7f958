/** Wording helpers for the pre-visit summary: dates, lists and scores that always carry their scale. */
import type { Instrument } from '../../domain/measures/instruments';
import type { InstrumentScore } from '../../domain/measures/score';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 22 November 2026 (UTC). */
export function formatDate(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** 'March 2024' for YYYY-MM, '12 March 2024' for YYYY-MM-DD; anything else as given. */
export function formatMonthOrDay(value: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** 'a', 'a and b', 'a, b and c'. */
export function sentenceList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The short name of an instrument: 'PHQ-9' from 'PHQ-9 (Patient Health Questionnaire, 9 items)'. */
export function shortName(instrument: Pick<Instrument, 'title' | 'id'> | undefined): string {
  if (!instrument) return '';
  const i = instrument.title.indexOf(' (');
  return i > 0 ? instrument.title.slice(0, i) : instrument.title;
}

export function pegText(score: InstrumentScore): string {
  return score.total === null ? 'PEG not complete' : `PEG ${score.total.toFixed(1)} of 10 (mean of pain, enjoyment and activity; lower is better)`;
}

/** 'PHQ-9 12 of 27, moderate'; STarT Back adds its psychosocial subscale. */
export function scoreText(instrument: Instrument | undefined, score: InstrumentScore): string {
  const name = shortName(instrument) || score.instrumentId;
  if (score.total === null) return `${name}: no total (${score.complete ? 'details missing' : 'not complete'})`;
  const max = instrument?.scoreRange.max;
  const scale = instrument?.id === 'psfs' ? `${score.total.toFixed(1)} of 10 (average of activities; higher is better)` : `${score.total}${max === undefined ? '' : ` of ${max}`}`;
  const band = score.band ? `, ${score.band.label.toLowerCase()}` : '';
  const sub = Object.entries(score.subscales)
    .map(([name, value]) => `${name} subscale ${value}`)
    .join(', ');
  return `${name} ${scale}${band}${sub ? ` (${sub})` : ''}`;
}
