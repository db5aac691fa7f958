/** /inbox: my tasks or my team's tasks, in the order the server ranks them, with Start and Mark done. */
import type { ReactElement } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Items, Task } from '../api-types';
import { withQuery } from '../api';
import { Checkbox } from '../components/form-field';
import { ErrorNotice, Loading, StatusMessage } from '../components/status';
import { TaskList } from '../components/task-list';
import { useApiData, usePageTitle } from '../hooks';

type View = 'mine' | 'team';

const VIEW_LABELS: Record<View, string> = { mine: 'My tasks', team: "My team's tasks" };

export function InboxPage(): ReactElement {
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'team' ? 'team' : 'mine';
  const showAll = params.get('status') === 'all';
  usePageTitle(`Inbox: ${VIEW_LABELS[view]}`);
  const { state, reload, replace } = useApiData<Items<Task>>(
    withQuery('/api/v1/tasks', { view, status: showAll ? 'all' : 'open' }),
  );
  const tasks = state.status === 'ready' ? state.data.items : [];
  const setTasks = (change: (all: Task[]) => Task[]): void => replace({ items: change(tasks) });

  function choose(next: { view?: View; all?: boolean }): void {
    const v = next.view ?? view;
    const all = next.all ?? showAll;
    const p = new URLSearchParams();
    if (v === 'team') p.set('view', 'team');
    if (all) p.set('status', 'all');
    setParams(p);
  }

  const open = tasks.filter((t) => t.status === 'open' || t.status === 'in_progress');
  const overdue = open.filter((t) => t.overdue).length;
  const count =
    state.status !== 'ready'
      ? ''
      : `${open.length} open ${open.length === 1 ? 'task' : 'tasks'}${overdue > 0 ? `, ${overdue} overdue` : ''}.`;

  return (
    <>
      <h1>Inbox</h1>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Whose tasks to show">
          {(['mine', 'team'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="segmented-button"
              aria-pressed={view === v}
              onClick={() => choose({ view: v })}
            >
              {VIEW_LABELS[v]}
            </button>
          ))}
        </div>
        <Checkbox label="Show finished tasks too" name="showAll" checked={showAll} onChange={(all) => choose({ all })} />
      </div>
      <h2 className="visually-hidden">{VIEW_LABELS[view]}</h2>
      <StatusMessage>{count}</StatusMessage>
      {state.status === 'loading' && <Loading label="Loading tasks…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load your tasks." />}
      {state.status === 'ready' && (
        <TaskList
          tasks={tasks}
          showPatient
          onUpdated={(t) => setTasks((all) => all.map((x) => (x.id === t.id ? t : x)))}
          onStale={reload}
          emptyText={view === 'mine' ? 'Nothing is waiting for you.' : 'Nothing is waiting for your team.'}
        />
      )}
    </>
  );
}
