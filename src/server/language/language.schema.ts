/** TypeBox schemas (and so the OpenAPI) of the language routes. */
import { Type } from '@sinclair/typebox';
import { CLINIC_TERM_LIMITS } from '../../domain/language/clinic-terms';
import { Nullable } from '../schemas';

export const CheckBody = Type.Object(
  { text: Type.String({ maxLength: 20000, description: 'Free text to check (not stored).' }) },
  { additionalProperties: false },
);

export const LanguageHitSchema = Type.Object({
  start: Type.Integer({ description: 'Offset of the first character (UTF-16 code units).' }),
  end: Type.Integer({ description: 'Offset after the last character.' }),
  text: Type.String({ description: 'The words as written.' }),
  term: Type.String({ description: 'The listed form that matched.' }),
  suggestion: Type.String({ description: 'The person-first alternative offered.' }),
  rowId: Type.String(),
  avoid: Type.String(),
  source: Type.String(),
  certainty: Nullable(Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')])),
  origin: Type.Union([Type.Literal('reference'), Type.Literal('clinic')]),
  quoted: Type.Boolean({ description: 'Inside quotation marks (keep it if quoting a source exactly).' }),
});

export const CheckResponse = Type.Object({
  hits: Type.Array(LanguageHitSchema),
  termsVersion: Type.String(),
  readability: Type.Object({
    grade: Nullable(Type.Number()),
    sentences: Type.Integer(),
    words: Type.Integer(),
    syllables: Type.Integer(),
    formula: Type.String(),
    source: Type.String(),
  }),
});

export const ClinicTermSchema = Type.Object(
  {
    phrase: Type.String({ maxLength: CLINIC_TERM_LIMITS.phraseMax, description: 'Words to flag; hyphen and space spellings both match.' }),
    suggestion: Type.String({ maxLength: CLINIC_TERM_LIMITS.suggestionMax }),
    note: Type.Optional(Type.String({ maxLength: CLINIC_TERM_LIMITS.noteMax })),
  },
  { additionalProperties: false },
);

export const ClinicTermsBody = Type.Object(
  { terms: Type.Array(ClinicTermSchema, { maxItems: CLINIC_TERM_LIMITS.maxTerms }) },
  { additionalProperties: false },
);

export const ClinicTermsResponse = Type.Object({
  terms: Type.Array(ClinicTermSchema),
  version: Type.Integer({ description: '0 until the clinic first saves a list.' }),
  termsVersion: Type.String({ description: 'What check results name: reference table + clinic terms vN.' }),
  updatedAt: Nullable(Type.String()),
});

export const ReferenceTermsResponse = Type.Object({
  version: Type.String(),
  rows: Type.Array(Type.Object({ id: Type.String(), avoid: Type.String(), prefer: Type.String(), source: Type.String(), certainty: Type.String() })),
});

export const FlagSummaryQuery = Type.Object(
  { since: Type.String({ format: 'date', description: 'Count fields saved on or after this day (YYYY-MM-DD).' }) },
  { additionalProperties: false },
);

export const FlagSummaryResponse = Type.Object({
  since: Type.String(),
  fieldsChecked: Type.Integer(),
  fieldsFlagged: Type.Integer(),
  termsFlagged: Type.Integer(),
});
