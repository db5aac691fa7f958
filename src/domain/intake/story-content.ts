/**
 * The structured pain story, page by page (PRODUCT.md capability 1: onset, where, what it feels like, what
 * makes it worse or better, impact on sleep, mood, work, family and movement, what has been tried, fears
 * and hopes): its types, body regions, words and questions. Validation: story.ts (which re-exports this).
 * Source: docs/intake-and-measures.md; no clinical figures here.
 * Assumptions:
 * - Left and right are the person's own left and right.
 * - Back pain, for the STarT Back page, means any of the upper, middle or lower back regions. The tool was
 *   validated in back pain (reference 7.6); it is never offered for other regions alone.
 * - Impact ratings are whole numbers 0 (not at all) to 10 (completely).
 * - Free text is trimmed by the caller; at most 1,000 characters (treatment names 200); at most 30
 *   treatments. These limits are ours.
 * - Onset dates are YYYY-MM or YYYY-MM-DD (real calendar dates); whether a date is in the future needs a
 *   clock and is checked by classifyChronicity.
 */
export const BODY_REGIONS: readonly { id: string; label: string; side: 'front' | 'back' }[] = [
  { id: 'head', label: 'Head', side: 'front' },
  { id: 'face-jaw', label: 'Face or jaw', side: 'front' },
  { id: 'chest', label: 'Chest', side: 'front' },
  { id: 'belly', label: 'Belly', side: 'front' },
  { id: 'pelvis-groin', label: 'Pelvis or groin', side: 'front' },
  { id: 'shoulder-left', label: 'Left shoulder', side: 'front' },
  { id: 'shoulder-right', label: 'Right shoulder', side: 'front' },
  { id: 'arm-left', label: 'Left arm or elbow', side: 'front' },
  { id: 'arm-right', label: 'Right arm or elbow', side: 'front' },
  { id: 'hand-left', label: 'Left wrist or hand', side: 'front' },
  { id: 'hand-right', label: 'Right wrist or hand', side: 'front' },
  { id: 'hip-left', label: 'Left hip', side: 'front' },
  { id: 'hip-right', label: 'Right hip', side: 'front' },
  { id: 'thigh-left', label: 'Front of left thigh', side: 'front' },
  { id: 'thigh-right', label: 'Front of right thigh', side: 'front' },
  { id: 'knee-left', label: 'Left knee', side: 'front' },
  { id: 'knee-right', label: 'Right knee', side: 'front' },
  { id: 'shin-left', label: 'Left shin', side: 'front' },
  { id: 'shin-right', label: 'Right shin', side: 'front' },
  { id: 'foot-left', label: 'Left ankle or foot', side: 'front' },
  { id: 'foot-right', label: 'Right ankle or foot', side: 'front' },
  { id: 'head-back', label: 'Back of head', side: 'back' },
  { id: 'neck', label: 'Neck', side: 'back' },
  { id: 'upper-back', label: 'Upper back', side: 'back' },
  { id: 'mid-back', label: 'Middle back', side: 'back' },
  { id: 'lower-back', label: 'Lower back', side: 'back' },
  { id: 'buttock-left', label: 'Left buttock', side: 'back' },
  { id: 'buttock-right', label: 'Right buttock', side: 'back' },
  { id: 'back-thigh-left', label: 'Back of left thigh', side: 'back' },
  { id: 'back-thigh-right', label: 'Back of right thigh', side: 'back' },
  { id: 'calf-left', label: 'Left calf', side: 'back' },
  { id: 'calf-right', label: 'Right calf', side: 'back' },
];

export const BACK_PAIN_REGION_IDS: readonly string[] = ['upper-back', 'mid-back', 'lower-back'];

export function hasBackPain(regions: readonly string[]): boolean {
  return regions.some((r) => BACK_PAIN_REGION_IDS.includes(r));
}

export const PAIN_WORDS = ['aching', 'burning', 'stabbing', 'tingling', 'throbbing', 'shooting', 'numb', 'cramping', 'other'] as const;
export type PainWord = (typeof PAIN_WORDS)[number];

export const PAIN_WORD_LABELS: Readonly<Record<PainWord, string>> = {
  aching: 'Aching',
  burning: 'Burning',
  stabbing: 'Stabbing',
  tingling: 'Tingling or pins and needles',
  throbbing: 'Throbbing',
  shooting: 'Shooting',
  numb: 'Numb',
  cramping: 'Cramping',
  other: 'Something else',
};

export const TREATMENT_RESPONSES = ['yes', 'a-little', 'no', 'not-sure'] as const;
export type TreatmentResponse = (typeof TREATMENT_RESPONSES)[number];

export const TREATMENT_RESPONSE_LABELS: Readonly<Record<TreatmentResponse, string>> = {
  yes: 'Yes',
  'a-little': 'A little',
  no: 'No',
  'not-sure': 'Not sure',
};

export const IMPACT_AREAS = ['sleep', 'mood', 'work', 'family', 'movement'] as const;
export type ImpactArea = (typeof IMPACT_AREAS)[number];

export interface TriedTreatment {
  treatment: string;
  helped: TreatmentResponse;
  sideEffects: string | null;
}

export interface PainStory {
  onset: { date: string | null; approximate: boolean; how: string | null };
  regions: string[];
  character: string[];
  worse: string | null;
  better: string | null;
  impact: Record<ImpactArea, number | null>;
  tried: TriedTreatment[];
  fears: string | null;
  hopes: string | null;
}

/** The story pages and the fields each page's value holds. */
export const STORY_PAGE_FIELDS = {
  onset: ['date', 'approximate', 'how'],
  where: ['regions'],
  feel: ['character', 'worse', 'better'],
  impact: IMPACT_AREAS,
  tried: ['tried'],
  hopes: ['fears', 'hopes'],
} as const;
export type StoryPageId = keyof typeof STORY_PAGE_FIELDS;

/** The questions, in plain words (reading grade 6 or below). */
export const STORY_QUESTIONS = {
  onset: {
    title: 'When your pain started',
    date: 'When did this pain start? If you are not sure, give the month.',
    approximate: 'Is this date a guess?',
    how: 'How did it start? For example: after a fall, after lifting, or slowly over time.',
  },
  where: { title: 'Where you feel pain', regions: 'Where do you feel pain? Tap every place that hurts.' },
  feel: {
    title: 'What your pain feels like',
    character: 'What does the pain feel like? Pick all the words that fit.',
    worse: 'What makes the pain worse?',
    better: 'What makes the pain better?',
  },
  impact: {
    title: 'How pain affects your life',
    intro: 'How much does pain get in the way of each of these? 0 means not at all. 10 means completely.',
    sleep: 'Sleep',
    mood: 'Your mood',
    work: 'Work or jobs at home',
    family: 'Time with family and friends',
    movement: 'Moving around',
  },
  tried: {
    title: 'What you have tried',
    tried: 'What have you tried for this pain? Add each thing: a medicine, a therapy, an exercise, or anything else.',
    helped: 'Did it help?',
    sideEffects: 'Did it cause any problems, like side effects? What were they?',
  },
  hopes: {
    title: 'Your worries and hopes',
    fears: 'What worries you most about your pain?',
    hopes: 'What do you hope to be able to do again?',
  },
} as const;

export const STORY_TEXT_MAX_LENGTH = 1000;
export const TREATMENT_NAME_MAX_LENGTH = 200;
export const MAX_TREATMENTS = 30;
