/** Sections of the staff patient page that load their own data: tasks and access history. */
import { useEffect, type ReactElement } from 'react';
import type { AccessEvent, CareTeamMember, Items, Task } from '../api-types';
import { useApiData } from '../hooks';
import { AccessHistoryTable } from './access-history';
import { AddTaskForm } from './add-task-form';
import { ErrorNotice, Loading } from './status';
import { TaskList } from './task-list';

interface PatientTasksProps {
  patientId: string;
  careTeam: { id: string; members: CareTeamMember[] } | null;
}

export function PatientTasks({ patientId, careTeam }: PatientTasksProps): ReactElement {
  const { state, reload, replace } = useApiData<Items<Task>>(`/api/v1/patients/${patientId}/tasks`);
  const tasks = state.status === 'ready' ? state.data.items : [];
  const setTasks = (change: (all: Task[]) => Task[]): void => replace({ items: change(tasks) });

  const openCount = tasks.filter((t) => t.status === 'open' || t.status === 'in_progress').length;
  const overdueCount = tasks.filter((t) => t.overdue && (t.status === 'open' || t.status === 'in_progress')).length;

  return (
    <section className="card" aria-labelledby="tasks-title">
      <h2 id="tasks-title">Tasks for this patient</h2>
      {state.status === 'loading' && <Loading label="Loading tasks…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load tasks." />}
      {state.status === 'ready' && (
        <>
          <p className="muted">
            {openCount === 0 ? 'Nothing open.' : `${openCount} open`}
            {overdueCount > 0 && `, ${overdueCount} overdue`}
            {openCount > 0 && '.'}
          </p>
          <TaskList
            tasks={tasks}
            showPatient={false}
            onUpdated={(t) => setTasks((all) => all.map((x) => (x.id === t.id ? t : x)))}
            onStale={reload}
            emptyText="No tasks for this patient yet."
          />
        </>
      )}
      <AddTaskForm patientId={patientId} careTeam={careTeam} onCreated={(t) => setTasks((all) => [t, ...all])} />
    </section>
  );
}

export function PatientAccessHistory({ patientId, refreshKey }: { patientId: string; refreshKey: number }): ReactElement {
  const { state, reload } = useApiData<Items<AccessEvent>>(`/api/v1/patients/${patientId}/access-history?limit=50`);
  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);

  return (
    <section className="card" aria-labelledby="access-title">
      <h2 id="access-title">Access history</h2>
      <p className="muted">Every time someone opens or changes this record, it is written down here and cannot be changed.</p>
      {state.status === 'loading' && <Loading label="Loading access history…" />}
      {state.status === 'error' && <ErrorNotice error={state.error} title="We could not load the access history." />}
      {state.status === 'ready' && <AccessHistoryTable events={state.data.items} />}
    </section>
  );
}
