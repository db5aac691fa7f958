/**
 * The one point of contact, shown the same way on every patient page (staff record, summary, portal):
 * who the care coordinator is and how to reach them.
 */
import type { ReactElement } from 'react';
import type { PatientDetail } from '../../api-types';
import { useApiData } from '../../hooks';
import '../../coordination.css';

interface Props {
  coordinator: { displayName: string; email: string | null } | null;
  audience: 'staff' | 'self' | 'caregiver';
}

export function CoordinatorContact({ coordinator, audience }: Props): ReactElement {
  const whose = audience === 'self' ? 'Your' : audience === 'caregiver' ? 'Their' : 'Care';
  if (coordinator === null) {
    return (
      <aside className="coordinator-contact" aria-label="Care coordinator">
        <p>
          <strong>{whose} coordinator:</strong> none yet. {audience === 'staff' ? 'Assign one so the person has one point of contact.' : 'Ask the clinic who to contact.'}
        </p>
      </aside>
    );
  }
  return (
    <aside className="coordinator-contact" aria-label="Care coordinator">
      <p>
        <strong>{whose} coordinator:</strong> {coordinator.displayName}
      </p>
      {coordinator.email !== null && (
        <p>
          <a href={`mailto:${coordinator.email}`}>Email {coordinator.displayName}</a>
        </p>
      )}
      <p className="muted">{audience === 'staff' ? 'One point of contact for referrals, waits and coverage.' : 'Ask them about visits, waits, insurance and forms.'}</p>
    </aside>
  );
}

/** For pages that do not load the patient record themselves (the summary): loads it to name the coordinator. */
export function PatientCoordinatorLine({ patientId }: { patientId: string }): ReactElement | null {
  const { state } = useApiData<PatientDetail>(`/api/v1/patients/${encodeURIComponent(patientId)}`);
  if (state.status !== 'ready') return null;
  return <CoordinatorContact coordinator={state.data.coordinator} audience="staff" />;
}
