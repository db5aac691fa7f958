/**
 * The instrument catalogue: every instrument as data (items, options, bands, LOINC, licence, source), one
 * file per instrument under ./instruments/. Source: reference/clinical-facts.md section 7 (see each file).
 *
 * LOINC used: PEG panel 91148-7 / mean 91147-9; PHQ-2 panel 55757-9 / total 55758-7; PHQ-9 panel 44249-1 /
 * total 44261-6 and items; GAD-7 panel 69737-5 / total 70274-6 and items; STarT Back total 91351-7.
 * Left out (not confirmed): PEG items, PSFS, STarT Back panel/items/subscale, ORT, ORT-OUD — these use the
 * Painpath code system with the instrument id (src/fhir).
 */
import { GAD7 } from './instruments/gad7';
import { ORT } from './instruments/ort';
import { ORT_OUD } from './instruments/ort-oud';
import { PEG } from './instruments/peg';
import { PHQ2 } from './instruments/phq2';
import { PHQ9 } from './instruments/phq9';
import { PSFS } from './instruments/psfs';
import { STARTBACK } from './instruments/startback';
import type { Instrument, InstrumentId, InstrumentModule } from './types';
import { INSTRUMENT_IDS } from './types';

export type {
  AnswerOption,
  Instrument,
  InstrumentBand,
  InstrumentId,
  InstrumentItem,
  ItemKind,
} from './types';
export { INSTRUMENT_IDS } from './types';
export { phq9AnswersFromPhq2 } from './instruments/phq9';

export const INSTRUMENT_MODULES: Readonly<Record<InstrumentId, InstrumentModule>> = {
  peg: PEG,
  phq2: PHQ2,
  phq9: PHQ9,
  gad7: GAD7,
  psfs: PSFS,
  startback: STARTBACK,
  ort: ORT,
  'ort-oud': ORT_OUD,
};

export const INSTRUMENTS: Readonly<Record<InstrumentId, Instrument>> = {
  peg: PEG.instrument,
  phq2: PHQ2.instrument,
  phq9: PHQ9.instrument,
  gad7: GAD7.instrument,
  psfs: PSFS.instrument,
  startback: STARTBACK.instrument,
  ort: ORT.instrument,
  'ort-oud': ORT_OUD.instrument,
};

export function isInstrumentId(id: string): id is InstrumentId {
  return INSTRUMENT_IDS.some((known) => known === id);
}

export function getInstrument(id: string): Instrument | undefined {
  return isInstrumentId(id) ? INSTRUMENTS[id] : undefined;
}
