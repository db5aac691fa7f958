/** "Why": each reason of a coverage answer, met or not, as a checklist. */
import type { ReactElement } from 'react';
import type { Reason } from '../../coverage-types';

export function ReasonList({ reasons }: { reasons: Reason[] }): ReactElement {
  return (
    <ul className="reason-list">
      {reasons.map((r) => (
        <li key={r.code + r.message} className={r.met ? 'reason--met' : 'reason--unmet'}>
          <span className="reason-mark">{r.met ? 'Met:' : 'Not met:'}</span> {r.message}
        </li>
      ))}
    </ul>
  );
}

export const SERVICE_NAMES: Record<string, string> = {
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
export const SERVICE_OPTIONS = Object.entries(SERVICE_NAMES).map(([value, label]) => ({ value, label }));
export const serviceName = (s: string): string => SERVICE_NAMES[s] ?? s;
