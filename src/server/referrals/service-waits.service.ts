/** Each service's current expected wait: the entered figure and the one learned from past referrals. */
import { currentServiceWait, DEFAULT_SERVICE_WAIT_SETTINGS, learnServiceWait, type CurrentWait, type LearnedWait } from '../../domain/referrals/waits';
import { REFERRAL_SERVICES, SERVICE_LABELS, type ReferralService } from '../../domain/referrals/services';
import { getServiceWait, pastFirstVisits, serviceWaitsFor, type ServiceWaitRow } from '../../db/repositories/referrals.repository';
import type { DbOrTx } from '../../db/client';

export interface ServiceWaitView {
  service: ReferralService;
  label: string;
  entered: { days: number; note: string | null; enteredAt: string; version: number } | null;
  learned: { days: number | null; samples: number; method: string };
  current: CurrentWait;
}

function view(service: ReferralService, entered: ServiceWaitRow | undefined, learned: LearnedWait, asOf: Date): ServiceWaitView {
  return {
    service,
    label: SERVICE_LABELS[service],
    entered: entered ? { days: entered.waitDays, note: entered.note, enteredAt: entered.enteredAt.toISOString(), version: entered.version } : null,
    learned: { days: learned.days, samples: learned.samples, method: learned.method },
    current: currentServiceWait(entered ? { days: entered.waitDays, enteredAt: entered.enteredAt } : null, learned, asOf),
  };
}

export async function serviceWait(db: DbOrTx, orgId: string, service: ReferralService, asOf: Date): Promise<ServiceWaitView> {
  const [entered, past] = await Promise.all([getServiceWait(db, orgId, service), pastFirstVisits(db, orgId, service, DEFAULT_SERVICE_WAIT_SETTINGS.sampleSize)]);
  return view(service, entered, learnServiceWait(past), asOf);
}

export async function allServiceWaits(db: DbOrTx, orgId: string, asOf: Date): Promise<ServiceWaitView[]> {
  const entered = new Map((await serviceWaitsFor(db, orgId)).map((w) => [w.service, w]));
  const out: ServiceWaitView[] = [];
  for (const service of REFERRAL_SERVICES) {
    const past = await pastFirstVisits(db, orgId, service, DEFAULT_SERVICE_WAIT_SETTINGS.sampleSize);
    out.push(view(service, entered.get(service), learnServiceWait(past), asOf));
  }
  return out;
}
