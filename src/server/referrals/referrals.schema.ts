/** TypeBox schemas for referrals and service waits (validation, types and the OpenAPI document). */
import { Type } from '@sinclair/typebox';
import { BRIDGE_ITEM_KINDS } from '../../domain/referrals/bridge-plan';
import { ATTACHMENT_KINDS } from '../../domain/referrals/referral';
import { REFERRAL_SERVICES, REFERRAL_URGENCIES } from '../../domain/referrals/services';
import { REFERRAL_STATUSES } from '../../domain/referrals/status';
import { IsoDate, Nullable, StringEnum } from '../schemas';

const S = Type.String();
const NS = Nullable(Type.String());

export const BridgePlanSchema = Type.Object(
  {
    items: Type.Array(Type.Object({ kind: StringEnum(BRIDGE_ITEM_KINDS), text: Type.String({ maxLength: 500 }) }, { additionalProperties: false }), { maxItems: 10 }),
    callUsIf: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const AttachmentSchema = Type.Object(
  { kind: StringEnum(ATTACHMENT_KINDS), ref: Type.String({ minLength: 1, maxLength: 100 }), label: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const NewReferralBody = Type.Object(
  {
    service: StringEnum(REFERRAL_SERVICES),
    urgency: StringEnum(REFERRAL_URGENCIES),
    reason: Type.String({ maxLength: 2000 }),
    question: Type.String({ maxLength: 2000 }),
    receivingProvider: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    handoff: Type.Optional(Type.Boolean()),
    sentDate: IsoDate,
    attachments: Type.Optional(Type.Array(AttachmentSchema, { maxItems: 20 })),
    bridgePlan: Type.Optional(Nullable(BridgePlanSchema)),
  },
  { additionalProperties: false },
);

export const StatusBody = Type.Object(
  {
    status: StringEnum(REFERRAL_STATUSES),
    date: IsoDate,
    appointmentDate: Type.Optional(Nullable(IsoDate)),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);

export const BridgePlanBody = Type.Object({ bridgePlan: Nullable(BridgePlanSchema) }, { additionalProperties: false });

const Step = Type.Object({ step: S, label: S, dueDate: S, overdue: Type.Boolean(), daysInStep: Type.Integer(), daysOverdue: Type.Integer(), setting: S });

export const Referral = Type.Object({
  id: S,
  patientId: S,
  service: S,
  serviceLabel: S,
  receivingProvider: NS,
  urgency: S,
  reason: S,
  question: S,
  handoff: Type.Boolean(),
  status: S,
  statusLabel: S,
  open: Type.Boolean(),
  sentDate: S,
  statusDate: S,
  appointmentDate: NS,
  declineReason: NS,
  expectedWaitDays: Nullable(Type.Integer()),
  expectedWaitSource: S,
  step: Nullable(Step),
  handoffState: Type.Object({ referringActive: Type.Boolean(), receivingActive: Type.Boolean(), complete: Type.Boolean(), explanation: S }),
  attachments: Type.Array(Type.Object({ kind: S, ref: S, label: S, href: NS, pdfHref: NS })),
  bridgePlan: Nullable(Type.Object({ items: Type.Array(Type.Object({ kind: S, text: S })), callUsIf: S })),
  history: Type.Array(Type.Object({ status: S, statusLabel: S, date: S, appointmentDate: NS, note: NS, recordedAt: S })),
  version: Type.Integer(),
  createdAt: S,
});

export const ReferralList = Type.Object({ items: Type.Array(Referral), hiddenRestricted: Type.Integer({ description: 'Restricted referrals (behavioural health, substance use) not shown to this caller' }) });

export const ServiceWait = Type.Object({
  service: S,
  label: S,
  entered: Nullable(Type.Object({ days: Type.Integer(), note: NS, enteredAt: S, version: Type.Integer() })),
  learned: Type.Object({ days: Nullable(Type.Integer()), samples: Type.Integer(), method: S }),
  current: Type.Object({ days: Nullable(Type.Integer()), source: S, explanation: S, issues: Type.Array(Type.Object({ code: S, message: S, severity: S })) }),
  bridgePlan: Type.Object({ required: Type.Boolean(), reason: S, setting: S }),
});

export const ServiceWaitBody = Type.Object({ waitDays: Type.Integer({ minimum: 0, maximum: 730 }), note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false });
