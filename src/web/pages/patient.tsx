/**
 * /patients/:id for staff. Opens on what matters today (key facts, "Before this visit", open tasks), then
 * the care team, the one point of contact, measures over time, the assessment, demographics with an edit
 * form, and who has opened the record.
 */
import { useCallback, useState, type ReactElement } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { PatientDetail } from '../api-types';
import type { Intake } from '../measures-types';
import { isApiError, withQuery } from '../api';
import { AssessmentSection } from '../components/assessment-section';
import { BeforeVisit } from '../components/before-visit';
import { DemographicsList } from '../components/demographics';
import { DemographicsForm } from '../components/demographics-form';
import { NotAvailable } from '../components/not-available';
import { PatientConcerns } from '../components/patient-concerns';
import { PatientMeasures } from '../components/patient-measures';
import { CoordinatorContact } from '../components/coordination/coordinator-contact';
import { ReferralsSection } from '../components/coordination/referrals-section';
import { SocialNeedsSection } from '../components/coordination/social-needs-section';
import { PatientAccessHistory, PatientTasks } from '../components/patient-sections';
import { ErrorNotice, Loading, StatusMessage } from '../components/status';
import { displayName, formatDate, formatDateTime, formatLanguage, legalNameIfDifferent, roleLabel } from '../format';
import { useApiData, usePageTitle } from '../hooks';

function NotOnCareTeam({ error }: { error: unknown }): ReactElement {
  usePageTitle('Not on your care teams');
  const location = useLocation();
  const mrn = (location.state as { mrn?: unknown } | null)?.mrn;
  const to = withQuery('/break-glass', { mrn: typeof mrn === 'string' ? mrn : null });
  return (
    <section aria-labelledby="not-on-team-title">
      <h1 id="not-on-team-title">This patient is not on your care teams</h1>
      <ErrorNotice error={error} />
      <p>
        You can see the records of people your care teams look after. If you need this record now to keep the
        person safe, you can ask for emergency access. It lasts a short time, it is recorded, and your clinic lead
        reviews it.
      </p>
      <p>
        <Link to={to} className="button">
          Ask for emergency access
        </Link>
      </p>
      <p>
        <Link to="/patients">Back to my patients</Link>
      </p>
    </section>
  );
}

function BreakGlassBanner({ expiresAt }: { expiresAt: string | undefined }): ReactElement {
  return (
    <div className="banner banner--warning">
      <p>
        <strong>
          Emergency access{expiresAt !== undefined ? ` until ${formatDateTime(expiresAt)}` : ''}: this view is recorded
          and your clinic lead is told.
        </strong>
      </p>
    </div>
  );
}

function PatientView({ patient, etag, onSaved, onReload }: {
  patient: PatientDetail;
  etag: string | null;
  onSaved: (p: PatientDetail, etag: string | null) => void;
  onReload: () => void;
}): ReactElement {
  const name = displayName(patient);
  usePageTitle(name);
  const legal = legalNameIfDifferent(patient);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState('');
  const [historyKey, setHistoryKey] = useState(0);
  const [intakeOnset, setIntakeOnset] = useState<string | null>(null);
  const onIntakes = useCallback((items: Intake[]) => {
    setIntakeOnset(items.find((i) => i.story.onset?.date)?.story.onset?.date ?? null);
  }, []);

  return (
    <>
      {patient.access.basis === 'break-glass' && <BreakGlassBanner expiresAt={patient.access.expiresAt} />}
      <div className="patient-heading">
        <h1>
          {name}
          {patient.pronouns !== null && patient.pronouns !== '' && <span className="pronouns"> ({patient.pronouns})</span>}
        </h1>
        {legal !== null && <p className="muted">Legal name: {legal}</p>}
        <ul className="key-facts" aria-label="Key facts">
          <li>Born {formatDate(patient.birthDate)} (age {patient.age})</li>
          <li>MRN {patient.mrn}</li>
          <li>
            Speaks {formatLanguage(patient.preferredLanguage)}
            {patient.interpreterNeeded && <span className="tag">Interpreter needed</span>}
          </li>
          {!patient.active && <li className="tag">Inactive record</li>}
        </ul>
        {patient.summary !== null && patient.summary !== '' && <p className="summary">{patient.summary}</p>}
        <nav aria-label="More about this person">
          <ul className="record-links">
            <li>
              <Link to={`/patients/${patient.id}/medications`}>Medications and opioid safety</Link>
            </li>
            <li>
              <Link to={`/patients/${patient.id}/care-plan`}>Care plan and progression</Link>
            </li>
            <li>
              <Link to={`/patients/${patient.id}/coverage`}>Coverage, visits and appointments</Link>
            </li>
            <li>
              <Link to={`/patients/${patient.id}/agreement`}>Treatment agreement</Link>
            </li>
          </ul>
        </nav>
        <CoordinatorContact coordinator={patient.coordinator} audience="staff" />
      </div>

      <BeforeVisit patientId={patient.id} onIntakes={onIntakes} />

      <div className="patient-grid">
        <PatientTasks patientId={patient.id} careTeam={patient.careTeam} />

        <section className="card" aria-labelledby="team-title">
          <h2 id="team-title">Care team</h2>
          {patient.careTeam === null ? (
            <p className="muted">No care team yet.</p>
          ) : (
            <>
              <p>{patient.careTeam.name}</p>
              <ul className="member-list">
                {patient.careTeam.members.map((m) => (
                  <li key={m.id}>
                    <span>{m.displayName}</span> <span className="muted">{roleLabel(m.role)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section className="card" aria-labelledby="coordinator-title">
          <h2 id="coordinator-title">Care coordinator</h2>
          <p className="muted">One point of contact for referrals, waits, insurance and reminders.</p>
          {patient.coordinator === null ? (
            <p>No coordinator yet.</p>
          ) : (
            <p>
              {patient.coordinator.displayName}
              {patient.coordinator.email !== null && (
                <>
                  {' '}
                  · <a href={`mailto:${patient.coordinator.email}`}>{patient.coordinator.email}</a>
                </>
              )}
            </p>
          )}
        </section>
      </div>

      <ReferralsSection patientId={patient.id} />
      <SocialNeedsSection patientId={patient.id} />
      <PatientMeasures patientId={patient.id} />
      <AssessmentSection patientId={patient.id} intakeOnset={intakeOnset} />

      <PatientConcerns patientId={patient.id} />

      <section className="card" aria-labelledby="demographics-title">
        <div className="section-heading">
          <h2 id="demographics-title">Demographics</h2>
          {!editing && (
            <button type="button" className="button button--secondary" onClick={() => { setEditing(true); setSaved(''); }}>
              Edit<span className="visually-hidden"> details</span>
            </button>
          )}
        </div>
        <StatusMessage>{saved}</StatusMessage>
        <DemographicsList patient={patient} />
        {editing && (
          <DemographicsForm
            patient={patient}
            etag={etag}
            onReload={onReload}
            onCancel={() => setEditing(false)}
            onSaved={(p, e) => {
              onSaved(p, e);
              setEditing(false);
              setSaved('Changes saved.');
              setHistoryKey((k) => k + 1);
            }}
          />
        )}
      </section>

      <PatientAccessHistory patientId={patient.id} refreshKey={historyKey} />
    </>
  );
}

export function PatientPage(): ReactElement {
  const { id = '' } = useParams();
  const { state, reload, replace } = useApiData<PatientDetail>(`/api/v1/patients/${encodeURIComponent(id)}`);

  if (state.status === 'loading') return <Loading label="Opening the record…" />;
  if (state.status === 'error') {
    const err = state.error;
    if (isApiError(err) && err.code === 'access.not-on-care-team') return <NotOnCareTeam error={err} />;
    if (isApiError(err) && (err.status === 403 || err.status === 404)) {
      return <NotAvailable title={err.status === 404 ? 'We could not find this patient' : undefined} error={err} />;
    }
    return (
      <>
        <h1>We could not open this record</h1>
        <ErrorNotice error={err} />
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </>
    );
  }
  return <PatientView key={state.data.id} patient={state.data} etag={state.etag} onSaved={(p, e) => replace(p, e)} onReload={reload} />;
}
