/** TypeBox schemas for agreement templates and patient agreements (validation, types and OpenAPI in one). */
import { Type } from '@sinclair/typebox';
import { AGREEMENT_STATUSES, SIGNER_ROLES } from '../../domain/agreements/versions';
import { IsoDate, Nullable, StringEnum, Uuid } from '../schemas';

const S = Type.String();
const NS = Nullable(Type.String());
const Grade = Nullable(Type.Number());

export const IssueSchema = Type.Object({ code: S, message: S, severity: S, path: Type.Optional(S) });

export const TemplateSchema = Type.Object({
  id: S,
  name: S,
  body: S,
  readingGrade: Grade,
  maxReadingGrade: Type.Number(),
  isDefault: Type.Boolean(),
  issues: Type.Array(IssueSchema),
  version: Type.Integer(),
  updatedBy: S,
  updatedAt: S,
});
export const TemplateList = Type.Object({ items: Type.Array(TemplateSchema), placeholders: Type.Array(Type.Object({ name: S, label: S, required: Type.Boolean() })) });

export const CreateTemplateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 20_000 }),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const PatchTemplateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    body: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
    isDefault: Type.Optional(Type.Boolean()),
    archived: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

const SignatureSchema = Type.Object({ signerRole: StringEnum(SIGNER_ROLES), signerName: S, signedAt: S, textHash: S });
const VersionSchema = Type.Object({
  number: Type.Integer(),
  text: S,
  textHash: S,
  readingGrade: Grade,
  goals: Type.Array(S),
  reason: NS,
  createdByName: S,
  createdAt: S,
  signatures: Type.Array(SignatureSchema),
});
const QuestionSchema = Type.Object({
  id: S,
  versionNumber: Type.Integer(),
  question: S,
  askedByName: S,
  askedAt: S,
  answer: NS,
  answeredByName: NS,
  answeredAt: NS,
});

export const AgreementSchema = Type.Object({
  id: S,
  patientId: S,
  status: StringEnum(AGREEMENT_STATUSES),
  templateId: NS,
  reviewDate: S,
  reviewTaskId: NS,
  goalsSource: S,
  maxReadingGrade: Type.Number(),
  hashAlgorithm: S,
  current: VersionSchema,
  versions: Type.Array(VersionSchema),
  questions: Type.Array(QuestionSchema),
  issues: Type.Array(IssueSchema),
  version: Type.Integer(),
  createdAt: S,
});
export const AgreementList = Type.Object({ items: Type.Array(AgreementSchema) });

export const AgreementParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const QuestionParams = Type.Object({ id: Uuid, questionId: Uuid }, { additionalProperties: false });

export const CreateAgreementBody = Type.Object(
  {
    templateId: Uuid,
    reviewDate: IsoDate,
    pharmacy: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    /** The patient's goals; when left out they come from the latest PSFS activities. */
    goals: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export const ReviseAgreementBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 30_000 }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    reviewDate: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const SignBody = Type.Object(
  {
    versionNumber: Type.Integer({ minimum: 1 }),
    textHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  },
  { additionalProperties: false },
);

export const QuestionBody = Type.Object({ question: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const AnswerBody = Type.Object({ answer: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false });
