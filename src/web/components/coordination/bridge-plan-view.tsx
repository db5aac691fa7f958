/** A bridge plan in plain words: what to do until the service starts, and when to call. */
import type { ReactElement } from 'react';
import { BRIDGE_ITEM_LABELS } from '../../../domain/referrals/bridge-plan';
import type { BridgePlan } from '../../coordination-types';

export function BridgePlanView({ plan, serviceLabel, headingLevel = 4 }: { plan: BridgePlan; serviceLabel: string; headingLevel?: 3 | 4 }): ReactElement {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="bridge-plan">
      <Heading>Until {serviceLabel.toLowerCase()} starts</Heading>
      <ul>
        {plan.items.map((i) => (
          <li key={`${i.kind}-${i.text}`}>
            <strong>{BRIDGE_ITEM_LABELS[i.kind]}:</strong> {i.text}
          </li>
        ))}
      </ul>
      <p>
        <strong>Call us if:</strong> {plan.callUsIf}
      </p>
    </div>
  );
}
