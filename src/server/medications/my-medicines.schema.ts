/**
 * The shape of GET /api/v1/patients/:id/my-medicines: the person's own list in plain words (portal,
 * reading grade 6 or below). No MME and no risk-review wording: those are the care team's tools.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, StringEnum } from '../schemas';

export const MyMedicine = Type.Object(
  {
    id: Type.String(),
    name: Type.String({ description: 'Medicine, strength and form, e.g. "oxycodone 5 mg tablet" (as on the staff Medications page)' }),
    directions: Type.String({ description: 'How to take it, in words (the domain describeDosage text)' }),
    onlyWhenNeeded: Type.Boolean(),
    mostPerDay: Nullable(Type.String({ description: 'The most to take in a day, e.g. "4 tablets"; null when the order gives no limit' })),
    prescriber: Nullable(Type.String()),
    since: Nullable(IsoDate),
    rescue: Type.Boolean({ description: 'A naloxone rescue medicine (overdose rescue)' }),
  },
  { additionalProperties: false },
);

export const MyTaperStep = Type.Object(
  {
    startsOn: IsoDate,
    kind: StringEnum(['reduce', 'lengthen-interval', 'stop', 'pause'] as const),
    current: Type.Boolean({ description: 'The step in effect today' }),
    words: Type.String({ description: 'The dose for this step in words, from the saved plan' }),
  },
  { additionalProperties: false },
);

export const MyMedicines = Type.Object(
  {
    asOf: IsoDate,
    medicines: Type.Array(MyMedicine),
    naloxoneOnList: Type.Boolean(),
    taper: Nullable(
      Type.Object(
        {
          startDate: IsoDate,
          steps: Type.Array(MyTaperStep, { description: 'The step in effect today, then the steps still to come' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, description: "A person's medicines in plain words, for the portal" },
);
export type MyMedicinesView = Static<typeof MyMedicines>;
export type MyMedicineView = Static<typeof MyMedicine>;
export type MyTaperStepView = Static<typeof MyTaperStep>;
