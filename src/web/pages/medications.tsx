/**
 * /patients/:id/medications for staff: one medication list across prescribers (add, change, stop, import),
 * reconciliation suggestions, the MME panel, the risk review, monitoring with PDMP and urine test forms, and
 * the taper planner with its chart. Decision support suggests and explains; the clinician decides.
 */
import { useState, type ReactElement } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../api';
import { ImportForm } from '../components/medications/import-form';
import { MmePanel } from '../components/medications/mme-panel';
import { MonitoringPanel } from '../components/medications/monitoring-panel';
import { OrderForm, StopOrderForm } from '../components/medications/order-form';
import { RiskPanel } from '../components/medications/risk-panel';
import { TaperPlanner } from '../components/medications/taper-planner';
import { NotAvailable } from '../components/not-available';
import { ErrorNotice, Loading, StatusMessage } from '../components/status';
import { formatDate } from '../format';
import { useApiData, usePageTitle } from '../hooks';
import type { MedicationOrderView, MedicationOverview } from '../medications-types';
import '../components/medications/medications.css';

const STATUS_WORDS: Record<string, string> = { active: 'Active', draft: 'Draft', 'on-hold': 'On hold', stopped: 'Stopped', completed: 'Completed', 'entered-in-error': 'Entered in error' };

function OrderRow({ order, onEdit, onStop }: { order: MedicationOrderView; onEdit: () => void; onStop: () => void }): ReactElement {
  const current = order.status === 'active' || order.status === 'draft' || order.status === 'on-hold';
  return (
    <tr>
      <th scope="row">
        {order.name}
        {order.source === 'imported-fhir' && <span className="tag">Imported</span>}
      </th>
      <td data-label="Directions">
        {order.directionsSummary}
        {order.directionsText !== null && <div className="muted">As written: {order.directionsText}</div>}
      </td>
      <td data-label="Prescriber">{order.prescriber ?? '—'}{order.pharmacy !== null && <div className="muted">{order.pharmacy}</div>}</td>
      <td data-label="Dates">
        {order.start !== null ? `From ${formatDate(order.start)}` : 'No start date'}
        {order.end !== null && ` to ${formatDate(order.end)}`}
        {order.daysSupply !== null && <div className="muted">{order.daysSupply} days supply</div>}
      </td>
      <td data-label="Status">{STATUS_WORDS[order.status] ?? order.status}{order.stopReason !== null && <div className="muted">{order.stopReason}</div>}</td>
      <td data-label="Actions">
        {current && (
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={onEdit}>Change<span className="visually-hidden"> {order.name}</span></button>
            <button type="button" className="button button--secondary" onClick={onStop}>Stop<span className="visually-hidden"> {order.name}</span></button>
          </div>
        )}
      </td>
    </tr>
  );
}

type Editing = { kind: 'add' } | { kind: 'edit'; order: MedicationOrderView } | { kind: 'stop'; order: MedicationOrderView } | { kind: 'import' } | null;

function MedicationsView({ patientId, overview, reload }: { patientId: string; overview: MedicationOverview; reload: () => void }): ReactElement {
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState('');
  const [showPast, setShowPast] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  const saved = (m: string): void => { setEditing(null); setMessage(m); reload(); };
  const current = overview.orders.filter((o) => ['active', 'draft', 'on-hold'].includes(o.status));
  const past = overview.orders.filter((o) => !['active', 'draft', 'on-hold'].includes(o.status));
  const shown = showPast ? [...current, ...past] : current;
  return (
    <>
      <StatusMessage>{message}</StatusMessage>
      <section className="card" aria-labelledby="list-title">
        <div className="section-heading">
          <h2 id="list-title">Medication list</h2>
          <div className="button-row">
            <button type="button" className="button" onClick={() => setEditing({ kind: 'add' })}>Add medication</button>
            <button type="button" className="button button--secondary" onClick={() => setEditing({ kind: 'import' })}>Import from FHIR</button>
          </div>
        </div>
        {editing?.kind === 'add' && <OrderForm patientId={patientId} onSaved={saved} onCancel={() => setEditing(null)} />}
        {editing?.kind === 'import' && <ImportForm patientId={patientId} onImported={saved} />}
        {shown.length === 0 ? (
          <p>No medications on the list yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack medication-table">
              <caption className="visually-hidden">Medications</caption>
              <thead>
                <tr>
                  <th scope="col">Medication</th>
                  <th scope="col">Directions</th>
                  <th scope="col">Prescriber</th>
                  <th scope="col">Dates</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((o) => (
                  <OrderRow key={o.id} order={o} onEdit={() => setEditing({ kind: 'edit', order: o })} onStop={() => setEditing({ kind: 'stop', order: o })} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {past.length > 0 && (
          <button type="button" className="button button--secondary" onClick={() => setShowPast(!showPast)} aria-expanded={showPast}>
            {showPast ? 'Hide' : 'Show'} {past.length} past order{past.length === 1 ? '' : 's'}
          </button>
        )}
        {editing?.kind === 'edit' && <OrderForm key={editing.order.id} patientId={patientId} order={editing.order} onSaved={saved} onCancel={() => setEditing(null)} />}
        {editing?.kind === 'stop' && <StopOrderForm key={editing.order.id} patientId={patientId} order={editing.order} onSaved={saved} onCancel={() => setEditing(null)} />}
        {overview.reconciliation.length > 0 && (
          <div className="banner banner--warning">
            <h3>To reconcile</h3>
            <ul>
              {overview.reconciliation.map((r) => (
                <li key={`${r.code}-${r.orderIds.join('-')}`}>
                  {r.message} {r.suggestion}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <MmePanel mme={overview.mme} />
      <RiskPanel risk={overview.risk} patientId={patientId} history={overview.riskHistory.history} historyVersion={overview.riskHistory.version} onChanged={() => saved('The risk factors were saved.')} />
      <MonitoringPanel patientId={patientId} overview={overview} today={today} onSaved={saved} />
      <TaperPlanner key={overview.activeTaperPlanId ?? 'none'} patientId={patientId} activePlanId={overview.activeTaperPlanId} today={today} onSaved={saved} />
    </>
  );
}

export function MedicationsPage(): ReactElement {
  const { id = '' } = useParams();
  usePageTitle('Medications');
  const { state, reload } = useApiData<MedicationOverview>(`/api/v1/patients/${encodeURIComponent(id)}/medications`);
  return (
    <>
      <p>
        <Link to={`/patients/${encodeURIComponent(id)}`}>Back to the patient record</Link>
      </p>
      <h1>Medications and opioid safety</h1>
      {state.status === 'loading' && <Loading label="Opening the medication list…" />}
      {state.status === 'error' &&
        (isApiError(state.error) && (state.error.status === 403 || state.error.status === 404) ? (
          <NotAvailable error={state.error} />
        ) : (
          <ErrorNotice error={state.error} />
        ))}
      {state.status === 'ready' && <MedicationsView patientId={id} overview={state.data} reload={reload} />}
    </>
  );
}
