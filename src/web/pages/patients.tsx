/**
 * /patients: find a patient on your care teams by name or MRN, date of birth, identifier, care team or
 * coordinator. The search lives in the URL so results survive reloads and can be shared with the team.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Items, NamedRef, Page, PatientSummary, PersonRef } from '../api-types';
import { withQuery } from '../api';
import { SelectField, TextField } from '../components/form-field';
import { ErrorNotice, Loading, StatusMessage } from '../components/status';
import { displayName, formatDate, formatLanguage, legalNameIfDifferent } from '../format';
import { useApiData, usePageTitle } from '../hooks';

const PAGE_SIZE = 25;
const KEYS = ['q', 'birthDate', 'identifier', 'careTeamId', 'coordinatorId'] as const;
type Key = (typeof KEYS)[number];
type Filters = Record<Key, string>;

function readFilters(params: URLSearchParams): Filters {
  return Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Filters;
}

function PatientRow({ p }: { p: PatientSummary }): ReactElement {
  const legal = legalNameIfDifferent(p);
  return (
    <tr>
      <th scope="row" data-label="Name">
        <Link to={`/patients/${p.id}`}>{displayName(p)}</Link>
        {legal !== null && <span className="muted block">Legal name: {legal}</span>}
      </th>
      <td data-label="MRN">{p.mrn}</td>
      <td data-label="Date of birth">
        {formatDate(p.birthDate)} <span className="muted">(age {p.age})</span>
      </td>
      <td data-label="Care team">{p.careTeam?.name ?? <span className="muted">None yet</span>}</td>
      <td data-label="Coordinator">{p.coordinator?.displayName ?? <span className="muted">None yet</span>}</td>
      <td data-label="Language">
        {formatLanguage(p.preferredLanguage)}
        {p.interpreterNeeded && <span className="tag">Interpreter needed</span>}
      </td>
    </tr>
  );
}

export function PatientsPage(): ReactElement {
  usePageTitle('Patients');
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const offset = Math.max(0, Number(params.get('offset') ?? '0') || 0);
  const [draft, setDraft] = useState<Filters>(applied);
  // Back and forward change the URL: show the search that is in it.
  const [draftFor, setDraftFor] = useState(params.toString());
  if (draftFor !== params.toString()) {
    setDraftFor(params.toString());
    setDraft(applied);
  }
  const careTeams = useApiData<Items<NamedRef>>('/api/v1/care-teams');
  const coordinators = useApiData<Items<PersonRef>>('/api/v1/coordinators');
  const results = useApiData<Page<PatientSummary>>(
    withQuery('/api/v1/patients', { ...applied, limit: PAGE_SIZE, offset }),
  );

  const set = (key: Key) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function search(next: Filters, nextOffset = 0): void {
    const entries = Object.entries(next).filter(([, v]) => v.trim() !== '');
    if (nextOffset > 0) entries.push(['offset', String(nextOffset)]);
    setParams(new URLSearchParams(entries.map(([k, v]) => [k, v.trim()])));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    search(draft);
  }

  function clear(): void {
    const empty = Object.fromEntries(KEYS.map((k) => [k, ''])) as Filters;
    setDraft(empty);
    search(empty);
  }

  const teamOptions = [
    { value: '', label: 'All my care teams' },
    ...(careTeams.state.status === 'ready' ? careTeams.state.data.items.map((t) => ({ value: t.id, label: t.name })) : []),
  ];
  const coordinatorOptions = [
    { value: '', label: 'Any coordinator' },
    ...(coordinators.state.status === 'ready'
      ? coordinators.state.data.items.map((c) => ({ value: c.id, label: c.displayName }))
      : []),
  ];

  const page = results.state.status === 'ready' ? results.state.data : null;
  const first = page === null ? 0 : page.offset + 1;
  const last = page === null ? 0 : page.offset + page.items.length;
  const countText =
    page === null
      ? ''
      : page.total === 0
        ? 'No patients found.'
        : `${page.total} ${page.total === 1 ? 'patient' : 'patients'} found. Showing ${first} to ${last}.`;

  return (
    <>
      <div className="page-heading">
        <h1>Patients</h1>
        <Link to="/break-glass" className="secondary-link">
          Find a patient outside your care team
        </Link>
      </div>
      <form className="search-form" role="search" aria-label="Find a patient" onSubmit={handleSubmit}>
        <div className="search-grid">
          <TextField label="Name or MRN" name="q" type="search" value={draft.q} onChange={set('q')} autoComplete="off" />
          <TextField label="Date of birth" name="birthDate" type="date" value={draft.birthDate} onChange={set('birthDate')} />
          <TextField
            label="Other identifier"
            name="identifier"
            value={draft.identifier}
            onChange={set('identifier')}
            hint="For example, an ID from your health record system."
            autoComplete="off"
          />
          <SelectField label="Care team" name="careTeamId" value={draft.careTeamId} onChange={set('careTeamId')} options={teamOptions} />
          <SelectField
            label="Care coordinator"
            name="coordinatorId"
            value={draft.coordinatorId}
            onChange={set('coordinatorId')}
            options={coordinatorOptions}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            Search
          </button>
          <button type="button" className="button button--secondary" onClick={clear}>
            Clear
          </button>
        </div>
      </form>

      <StatusMessage>{countText}</StatusMessage>
      {results.state.status === 'loading' && <Loading label="Finding patients…" />}
      {results.state.status === 'error' && <ErrorNotice error={results.state.error} title="We could not load patients." />}
      {page !== null && page.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption className="visually-hidden">Patients on your care teams</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">MRN</th>
                <th scope="col">Date of birth</th>
                <th scope="col">Care team</th>
                <th scope="col">Coordinator</th>
                <th scope="col">Language</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((p) => (
                <PatientRow key={p.id} p={p} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page !== null && page.total > page.limit && (
        <nav className="pagination" aria-label="Pages of results">
          <button
            type="button"
            className="button button--secondary"
            disabled={page.offset === 0}
            onClick={() => search(applied, Math.max(0, page.offset - page.limit))}
          >
            Previous
          </button>
          <span>
            {first}–{last} of {page.total}
          </span>
          <button
            type="button"
            className="button button--secondary"
            disabled={last >= page.total}
            onClick={() => search(applied, page.offset + page.limit)}
          >
            Next
          </button>
        </nav>
      )}
      {page !== null && page.total === 0 && (
        <p>
          Try part of the name, the MRN, or fewer filters. If the person is not on your care teams,{' '}
          <Link to="/break-glass">ask for emergency access</Link>.
        </p>
      )}
    </>
  );
}
