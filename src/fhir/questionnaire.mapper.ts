/**
 * Maps a Painpath instrument to a FHIR R4 Questionnaire (https://hl7.org/fhir/R4/questionnaire.html).
 * Sources: FHIR R4 core extensions ordinalValue, minValue, maxValue, questionnaire-minOccurs,
 * questionnaire-maxOccurs, questionnaire-itemControl (codes 'lower' and 'upper' label a scale's ends);
 * LOINC answer codes LA6568-5, LA6569-3, LA6570-1, LA6571-9 (not at all … nearly every day) for the PHQ
 * and GAD-7 response set.
 * Assumptions:
 * - One Questionnaire per instrument, id = instrument id, url = `${baseUrl}/Questionnaire/${id}`,
 *   version = instrument version; the instrument's prompt is a leading 'display' item `${id}.prompt`.
 * - Questionnaire.code is the LOINC panel when known, else the Painpath measures code system + instrument id.
 * - Item types: choice → 'choice' (valueCoding with an ordinalValue = the stored answer value);
 *   scale-0-10 → 'integer' 0–10 with 'lower'/'upper' display items for the anchors; yes-no → 'boolean';
 *   activity (PSFS) → repeating 'group' (1–5) of `${id}.name` (string) and `${id}.score` (integer 0–10).
 * - Answer codes: LOINC LA codes for PHQ-2, PHQ-9 and GAD-7; otherwise the Painpath measure-answers code
 *   system with code `${itemId}:${value}` (e.g. 'startback.9:3'), so every code names one answer to one item.
 * - Every question is required (partial responses are saved with status 'in-progress').
 */
import type { Coding, Extension, Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import type { AnswerOption, Instrument, InstrumentItem } from '../domain/measures/instruments';
import { PSFS_MAX_ACTIVITIES, PSFS_NAME_MAX_LENGTH } from '../domain/measures/instruments/psfs';

export const LOINC_SYSTEM = 'http://loinc.org';
export const MEASURES_CODE_SYSTEM = 'https://painpath.org/fhir/CodeSystem/measures';
export const MEASURE_ANSWERS_CODE_SYSTEM = 'https://painpath.org/fhir/CodeSystem/measure-answers';
export const ORDINAL_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const MIN_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/maxValue';
const MIN_OCCURS_URL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs';
const MAX_OCCURS_URL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs';
const ITEM_CONTROL_URL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';

/** LOINC answers for the PHQ and GAD-7 response set, by stored value 0–3. */
const FREQUENCY_LOINC: readonly string[] = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];
const LOINC_ANSWER_INSTRUMENTS: readonly string[] = ['phq2', 'phq9', 'gad7'];

export function questionnaireUrl(baseUrl: string, instrumentId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/Questionnaire/${instrumentId}`;
}

/** The canonical reference to one version: `${url}|${version}`. */
export function questionnaireCanonical(baseUrl: string, instrument: Instrument): string {
  return `${questionnaireUrl(baseUrl, instrument.id)}|${instrument.version}`;
}

/** The instrument as a whole: its LOINC panel, else the Painpath code. */
export function instrumentCoding(instrument: Instrument): Coding {
  const panel = instrument.loinc?.panel;
  return panel === undefined
    ? { system: MEASURES_CODE_SYSTEM, code: instrument.id, display: instrument.title }
    : { system: LOINC_SYSTEM, code: panel, display: instrument.title };
}

/** The coding of one answer option (without the ordinalValue extension). */
export function answerCoding(instrument: Instrument, item: InstrumentItem, option: AnswerOption): Coding {
  const loinc = LOINC_ANSWER_INSTRUMENTS.includes(instrument.id) ? FREQUENCY_LOINC[option.value] : undefined;
  return loinc === undefined
    ? { system: MEASURE_ANSWERS_CODE_SYSTEM, code: `${item.id}:${option.value}`, display: option.label }
    : { system: LOINC_SYSTEM, code: loinc, display: option.label };
}

function integerRange(min: number, max: number): Extension[] {
  return [
    { url: MIN_VALUE_URL, valueInteger: min },
    { url: MAX_VALUE_URL, valueInteger: max },
  ];
}

function anchorItems(linkId: string, anchors: { low: string; high: string } | undefined): QuestionnaireItem[] {
  if (anchors === undefined) return [];
  const label = (code: 'lower' | 'upper', text: string): QuestionnaireItem => ({
    linkId: `${linkId}.${code}`,
    type: 'display',
    text,
    extension: [{ url: ITEM_CONTROL_URL, valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code: code }] } }],
  });
  return [label('lower', `0 = ${anchors.low}`), label('upper', `10 = ${anchors.high}`)];
}

function toItem(instrument: Instrument, item: InstrumentItem): QuestionnaireItem {
  const base = {
    linkId: item.id,
    text: item.text,
    ...(item.loinc === undefined ? {} : { code: [{ system: LOINC_SYSTEM, code: item.loinc }] }),
  };
  switch (item.kind) {
    case 'choice':
      return {
        ...base,
        type: 'choice',
        required: true,
        answerOption: (item.options ?? []).map((option) => ({
          valueCoding: {
            ...answerCoding(instrument, item, option),
            extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: option.value }],
          },
        })),
      };
    case 'scale-0-10': {
      const anchors = anchorItems(item.id, item.anchors);
      return { ...base, type: 'integer', required: true, extension: integerRange(0, 10), item: anchors };
    }
    case 'yes-no':
      return { ...base, type: 'boolean', required: true };
    case 'activity':
      return {
        linkId: item.id,
        text: 'Activity',
        type: 'group',
        required: true,
        repeats: true,
        extension: [
          { url: MIN_OCCURS_URL, valueInteger: 1 },
          { url: MAX_OCCURS_URL, valueInteger: PSFS_MAX_ACTIVITIES },
        ],
        item: [
          { linkId: `${item.id}.name`, text: 'What is the activity?', type: 'string', required: true, maxLength: PSFS_NAME_MAX_LENGTH },
          {
            linkId: `${item.id}.score`,
            text: item.text,
            type: 'integer',
            required: true,
            extension: integerRange(0, 10),
            item: anchorItems(`${item.id}.score`, item.anchors),
          },
        ],
      };
  }
}

/** FHIR name: an upper-case computable form of the id ('ort-oud' → 'ORT_OUD'). */
function computableName(instrument: Instrument): string {
  return instrument.id.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

export function toFhirQuestionnaire(instrument: Instrument, baseUrl: string): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: instrument.id,
    url: questionnaireUrl(baseUrl, instrument.id),
    version: instrument.version,
    name: computableName(instrument),
    title: instrument.title,
    status: 'active',
    subjectType: ['Patient'],
    description: `${instrument.patientTitle}. Recall period: ${instrument.recall}. Source: ${instrument.source}.`,
    copyright: instrument.licence.text,
    code: [instrumentCoding(instrument)],
    item: [
      { linkId: `${instrument.id}.prompt`, type: 'display', text: instrument.prompt },
      ...instrument.items.map((item) => toItem(instrument, item)),
    ],
  };
}
