/**
 * "To do" on a person's own page (GET /api/v1/me/todos): what the care team asked them to fill in, each
 * with one big button in plain words — "Tell us about your pain", "Answer 3 quick questions".
 */
import type { ReactElement } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { INSTRUMENTS, getInstrument, type Instrument } from '../../domain/measures/instruments';
import { formatWhen } from '../format';
import { useApiData } from '../hooks';
import type { TodoItem } from '../measures-types';
import { ErrorNotice, Loading, StatusMessage } from './status';

/**
 * The instrument a to-do is about. The to-do list names only its title, so until the server adds the
 * instrument id we find the instrument whose patient title it is.
 */
function instrumentOf(item: TodoItem): Instrument | undefined {
  if (item.instrumentId !== undefined) return getInstrument(item.instrumentId);
  return Object.values(INSTRUMENTS).find((i) => i.patientTitle === item.title || i.title === item.title);
}

function action(item: TodoItem): { to: string; label: string; about: string } | null {
  if (item.kind === 'intake') {
    const started = item.status === 'in-progress';
    return {
      to: `/intake/${item.id}`,
      label: started ? 'Keep telling us about your pain' : 'Tell us about your pain',
      about: started ? 'Your answers so far are saved. Pick up where you left off.' : 'You can stop and come back any time. Your answers are saved as you go.',
    };
  }
  const instrument = instrumentOf(item);
  if (instrument === undefined) return null;
  const n = instrument.items.length;
  const label = instrument.items.some((i) => i.kind === 'activity')
    ? 'Rate the things you want to do again'
    : `Answer ${n} quick question${n === 1 ? '' : 's'}`;
  return { to: `/check-in/${item.id}?instrument=${instrument.id}`, label, about: `${instrument.patientTitle}.` };
}

export function TodoList(): ReactElement {
  const { state } = useApiData<{ items: TodoItem[] }>('/api/v1/me/todos');
  const location = useLocation();
  const notice = (location.state as { notice?: unknown } | null)?.notice;
  return (
    <section className="card todo" aria-labelledby="todo-title">
      <h2 id="todo-title">To do</h2>
      <StatusMessage>{typeof notice === 'string' ? notice : ''}</StatusMessage>
      {state.status === 'loading' && <Loading label="Loading your list…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load your list. Please try again later." />}
      {state.status === 'ready' &&
        (state.data.items.length === 0 ? (
          <p>Nothing to do right now. Your care team will let you know when they need something.</p>
        ) : (
          <ul className="todo-list">
            {state.data.items.map((item) => {
              const a = action(item);
              if (a === null) return null;
              return (
                <li key={`${item.kind}-${item.id}`}>
                  <Link to={a.to} className="button button--big todo-button">
                    {a.label}
                  </Link>
                  <p className="muted">
                    {a.about} Sent {formatWhen(item.sentAt)}.
                  </p>
                </li>
              );
            })}
          </ul>
        ))}
    </section>
  );
}
