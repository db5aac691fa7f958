/**
 * The services Painpath refers to, and referral urgencies.
 * Source: issue 4 "Referrals" and PRODUCT.md capability 9 (coordination and access).
 */
export const REFERRAL_SERVICES = [
  'physical-therapy',
  'behavioural-health',
  'pain-medicine',
  'interventional-procedures',
  'occupational-therapy',
  'acupuncture',
  'sleep',
  'substance-use-treatment',
  'social-work',
] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

/** Names for people (staff and patients alike). */
export const SERVICE_LABELS: Record<ReferralService, string> = {
  'physical-therapy': 'Physical therapy',
  'behavioural-health': 'Behavioural health',
  'pain-medicine': 'Pain medicine',
  'interventional-procedures': 'Interventional procedures',
  'occupational-therapy': 'Occupational therapy',
  acupuncture: 'Acupuncture',
  sleep: 'Sleep medicine',
  'substance-use-treatment': 'Substance use treatment',
  'social-work': 'Social work',
};

export const REFERRAL_URGENCIES = ['routine', 'soon', 'urgent'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

export function isReferralService(value: string): value is ReferralService {
  return (REFERRAL_SERVICES as readonly string[]).includes(value);
}

export function isReferralUrgency(value: string): value is ReferralUrgency {
  return (REFERRAL_URGENCIES as readonly string[]).includes(value);
}
