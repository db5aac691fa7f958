/**
 * The services benefit rules and appointments refer to. Source: issue 4 (referral services) and PRODUCT.md
 * capability 9. "acupuncture" includes dry needling (NCD 30.3.3 treats both as acupuncture).
 */
export const COVERAGE_SERVICES = [
  'physical-therapy',
  'occupational-therapy',
  'acupuncture',
  'behavioural-health',
  'pain-medicine',
  'interventional-procedure',
  'sleep',
  'substance-use-treatment',
  'social-work',
  'primary-care',
] as const;
export type CoverageService = (typeof COVERAGE_SERVICES)[number];

export const SERVICE_LABELS: Record<CoverageService, string> = {
  'physical-therapy': 'Physical therapy',
  'occupational-therapy': 'Occupational therapy',
  acupuncture: 'Acupuncture',
  'behavioural-health': 'Behavioural health',
  'pain-medicine': 'Pain medicine',
  'interventional-procedure': 'Interventional procedure',
  sleep: 'Sleep medicine',
  'substance-use-treatment': 'Substance use treatment',
  'social-work': 'Social work',
  'primary-care': 'Primary care',
};

export function isCoverageService(value: string): value is CoverageService {
  return (COVERAGE_SERVICES as readonly string[]).includes(value);
}
