/**
 * Social needs and where they matter. Source: issue 4 "Social needs" (transport, cost, work, caregiving,
 * digital access, language; "a telehealth suggestion when transport is a barrier"); seed 002 ("connect
 * patients with transportation services, financial assistance ... literacy, and digital access").
 *
 * Suggestions are suggestions: each says why, none decides. Which contexts each need matters in is
 * Painpath's reading of the issue [U]: visits (how and where), referrals (choosing a service), and the
 * coordinator's workspace (counted).
 */
export const SOCIAL_NEED_KINDS = ['transport', 'cost', 'work', 'caregiving', 'digital-access', 'language'] as const;
export type SocialNeedKind = (typeof SOCIAL_NEED_KINDS)[number];

export const SOCIAL_NEED_LABELS: Record<SocialNeedKind, string> = {
  transport: 'Transport',
  cost: 'Cost of care',
  work: 'Work hours',
  caregiving: 'Caring for others',
  'digital-access': 'Phone or internet access',
  language: 'Language',
};

export type SocialNeedContext = 'visits' | 'referrals';

export interface SocialNeed {
  kind: SocialNeedKind;
  active: boolean;
  note: string | null;
}

export interface NeedSuggestion {
  code: string;
  need: SocialNeedKind;
  contexts: readonly SocialNeedContext[];
  suggestion: string;
  why: string;
}

const SUGGESTIONS: Record<SocialNeedKind, Omit<NeedSuggestion, 'need'>[]> = {
  transport: [
    { code: 'need.transport.telehealth', contexts: ['visits', 'referrals'], suggestion: 'Offer telehealth visits where the service allows it.', why: 'Transport is a barrier.' },
    { code: 'need.transport.bundle', contexts: ['visits'], suggestion: 'Book visits on the same day to save trips, and check ride services the plan covers.', why: 'Each trip is hard to arrange.' },
  ],
  cost: [{ code: 'need.cost.coverage', contexts: ['referrals', 'visits'], suggestion: 'Check coverage and copays before referring; ask social work about financial help.', why: 'Cost is a barrier.' }],
  work: [{ code: 'need.work.hours', contexts: ['visits', 'referrals'], suggestion: 'Prefer early, late or telehealth visits; offer a work note if wanted.', why: 'Work hours limit when visits are possible.' }],
  caregiving: [{ code: 'need.caregiving.timing', contexts: ['visits'], suggestion: 'Offer telehealth or visits that fit caring duties; ask about respite help.', why: 'The person cares for someone else.' }],
  'digital-access': [{ code: 'need.digital.phone', contexts: ['visits'], suggestion: 'Use phone (audio) visits and paper or text reminders instead of video and the portal.', why: 'Phone or internet access is limited.' }],
  language: [{ code: 'need.language.interpreter', contexts: ['visits', 'referrals'], suggestion: 'Book an interpreter and tell the receiving service which language.', why: 'The person prefers another language.' }],
};

/** Suggestions for the person's active needs, optionally only those that matter in one context. */
export function suggestionsForNeeds(needs: readonly SocialNeed[], context?: SocialNeedContext): NeedSuggestion[] {
  return needs
    .filter((n) => n.active)
    .flatMap((n) => SUGGESTIONS[n.kind].map((s) => ({ ...s, need: n.kind })))
    .filter((s) => context === undefined || s.contexts.includes(context));
}

export function isSocialNeedKind(value: string): value is SocialNeedKind {
  return (SOCIAL_NEED_KINDS as readonly string[]).includes(value);
}

/** Active needs counted per kind (for the dashboard and the workspace). */
export function countNeeds(needs: readonly SocialNeed[]): Record<SocialNeedKind, number> {
  const counts = Object.fromEntries(SOCIAL_NEED_KINDS.map((k) => [k, 0])) as Record<SocialNeedKind, number>;
  for (const n of needs) if (n.active) counts[n.kind] += 1;
  return counts;
}
