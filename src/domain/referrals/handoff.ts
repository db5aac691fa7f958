/**
 * Handoffs overlap: when a referral hands care over, both the referring team and the receiving service stay
 * active until the handoff is complete. Source: issue 4 ("Handoffs can overlap: both providers active until
 * the handoff is complete"); seed 002 (continuity across settings).
 *
 * Assumptions (Painpath's): a handoff is complete when the receiving service's report is received (the
 * team then knows what the service found and plans). Until then the referring team stays responsible; the
 * receiving service is active from the first booked visit. A referral that is not a handoff (a consultation)
 * never moves responsibility: our team stays responsible throughout. A declined referral ends the handoff with the
 * referring team still responsible.
 */
import type { ReferralStatus } from './status';

export interface HandoffState {
  referringActive: boolean;
  receivingActive: boolean;
  complete: boolean;
  explanation: string;
}

export function handoffState(status: ReferralStatus, receivingName: string, isHandoff: boolean): HandoffState {
  if (!isHandoff) {
    return { referringActive: true, receivingActive: status === 'scheduled' || status === 'seen' || status === 'report-received', complete: false, explanation: 'A consultation: our team stays responsible throughout.' };
  }
  switch (status) {
    case 'sent':
    case 'accepted':
      return { referringActive: true, receivingActive: false, complete: false, explanation: `Our team stays responsible; ${receivingName} has not seen the person yet.` };
    case 'scheduled':
    case 'seen':
      return { referringActive: true, receivingActive: true, complete: false, explanation: `Both our team and ${receivingName} are active until their report is received.` };
    case 'report-received':
      return { referringActive: false, receivingActive: true, complete: true, explanation: `Handoff complete: ${receivingName}'s report is in.` };
    case 'declined':
      return { referringActive: true, receivingActive: false, complete: false, explanation: 'The referral was declined; our team stays responsible.' };
  }
}
