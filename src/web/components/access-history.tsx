/**
 * Who looked at or changed a record, from the audit log: a table for staff, plain sentences for patients.
 * The server's action names are mapped to words; unknown ones are shown as they come.
 */
import { useState, type ReactElement } from 'react';
import { ROLE_LABELS, isRole } from '../../domain/access/roles';
import type { AccessEvent } from '../api-types';
import { formatDateTime, humanize } from '../format';

function verb(action: string): string {
  const a = action.toLowerCase();
  if (a.includes('break-glass') || a.includes('break_glass')) return 'used emergency access to open';
  if (a.includes('search')) return 'searched and found';
  if (a.includes('export')) return 'exported';
  if (a.includes('create') || a.endsWith('.add')) return 'added to';
  if (a.includes('delete') || a.includes('remove')) return 'removed from';
  if (a.includes('update') || a.includes('patch') || a.includes('write') || a.includes('edit')) return 'changed';
  if (a.includes('read') || a.includes('view') || a.includes('get') || a.includes('access')) return 'looked at';
  return humanize(action).toLowerCase();
}

function thing(resourceType: string, ownRecord: boolean): string {
  const r = resourceType.toLowerCase();
  if (r === 'patient') return ownRecord ? 'your details' : 'patient details';
  if (r.startsWith('task')) return ownRecord ? 'your care tasks' : 'tasks';
  if (r.includes('access')) return ownRecord ? 'this list' : 'access history';
  if (r.startsWith('medication')) return ownRecord ? 'your medicines' : 'medicines';
  return ownRecord ? `your ${humanize(resourceType).toLowerCase()}` : humanize(resourceType).toLowerCase();
}

/** Sign-in events have no object: "signed in", "tried to sign in". */
function sessionPhrase(action: string): string | null {
  switch (action) {
    case 'login':
      return 'signed in';
    case 'logout':
      return 'signed out';
    case 'login-failed':
      return 'tried to sign in, but it did not work';
    case 'login-refused':
      return 'tried to sign in while the account was paused';
    default:
      return null;
  }
}

export function describeAccess(e: AccessEvent, ownRecord: boolean): string {
  if (e.resourceType === 'Session') return sessionPhrase(e.action) ?? humanize(e.action).toLowerCase();
  if (e.action.includes('denied')) return `tried to open ${thing(e.resourceType, ownRecord)}, but was not allowed`;
  return `${verb(e.action)} ${thing(e.resourceType, ownRecord)}`;
}

/** The server writes "Name (role)"; show the role in words: "Name, Prescriber". */
function who(e: AccessEvent): string {
  if (e.actorName !== null && e.actorName !== '') {
    const m = /^(.*) \(([a-z_]+)\)$/.exec(e.actorName);
    if (m !== null && m[1] !== undefined && m[2] !== undefined && isRole(m[2])) return `${m[1]}, ${ROLE_LABELS[m[2]]}`;
    return e.actorName;
  }
  if (e.actorType === 'system') return 'Painpath (automatic)';
  if (e.actorType === 'api-token' || e.actorType === 'token') return 'A connected system';
  return 'Someone at your clinic';
}

const FIRST_SHOWN = 10;

function ShowAll({ hidden, onClick }: { hidden: number; onClick: () => void }): ReactElement | null {
  if (hidden <= 0) return null;
  return (
    <button type="button" className="button button--secondary" onClick={onClick}>
      Show {hidden} more
    </button>
  );
}

export function AccessHistoryTable({ events }: { events: AccessEvent[] }): ReactElement {
  const [all, setAll] = useState(false);
  if (events.length === 0) return <p className="muted">No one has opened this record yet.</p>;
  const shown = all ? events : events.slice(0, FIRST_SHOWN);
  return (
    <>
      <div className="table-wrap">
        <table className="table table--stack">
          <caption>Who opened or changed this record, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.seq}>
                <th scope="row" data-label="When">
                  {formatDateTime(e.occurredAt)}
                </th>
                <td data-label="Who">
                  {who(e)}
                  {e.actorType !== 'user' && <span className="muted block">{humanize(e.actorType)}</span>}
                </td>
                <td data-label="What">{humanize(describeAccess(e, false))}</td>
                <td data-label="Why">{e.reason ?? <span className="muted">No reason recorded</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowAll hidden={events.length - shown.length} onClick={() => setAll(true)} />
    </>
  );
}

/** For a patient or caregiver: one sentence per event. */
export function AccessHistoryPlain({ events, ownRecord }: { events: AccessEvent[]; ownRecord: boolean }): ReactElement {
  const [all, setAll] = useState(false);
  if (events.length === 0) return <p>No one has opened this record yet.</p>;
  const shown = all ? events : events.slice(0, FIRST_SHOWN);
  return (
    <>
      <ol className="plain-list">
        {shown.map((e) => (
          <li key={e.seq}>
            <p>
              <strong>{formatDateTime(e.occurredAt)}</strong>
              <br />
              {who(e)} {describeAccess(e, ownRecord)}.
            </p>
            {e.reason !== null && e.reason !== '' && <p className="muted">Reason given: {e.reason}</p>}
          </li>
        ))}
      </ol>
      <ShowAll hidden={events.length - shown.length} onClick={() => setAll(true)} />
    </>
  );
}
