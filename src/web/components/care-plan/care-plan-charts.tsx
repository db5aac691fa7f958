/**
 * Care-plan charts (Recharts, loaded lazily): relief window per session (with the week that opens movement
 * entry drawn in), goal activity scores over time, and the phase timeline with flares and checkpoints
 * marked. Each chart has a table with the same figures for screen readers. The portal uses ReliefChart alone.
 */
import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CarePlanView, ProgressionPhase } from '../../care-plan-types';
import { PHASE_WORDS } from '../../care-plan-types';

const AXIS = { fill: '#4a5561', fontSize: 13 };
const short = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayLabel = (date: string): string => short.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
const COLOURS = ['#1d4f73', '#8a3b12', '#2f6b2f', '#6b2f6b', '#4a4a4a'];
const PHASES: ProgressionPhase[] = ['establishing-response', 'extending-window', 'movement-entry', 'active-progression', 'graduation', 'ongoing-care'];

function HiddenTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }): ReactElement {
  return (
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>{r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReliefChart({ view, audience, movementEntryDays = 7 }: { view: CarePlanView; audience: 'staff' | 'patient'; movementEntryDays?: number }): ReactElement {
  const relief = view.progression?.relief ?? [];
  const data = relief.map((r) => ({ key: r.sessionId, label: dayLabel(r.date), days: r.reliefWindowDays ?? 0, known: r.reliefWindowDays !== null }));
  const title = audience === 'patient' ? 'How long the relief lasted after each visit' : 'Relief window after each session (days)';
  return (
    <figure className="measure">
      <h3 className="measure-title">{title}</h3>
      {data.length === 0 ? (
        <p className="muted">Nothing reported yet.</p>
      ) : (
        <div className="chart-box">
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: -16 }}>
              <CartesianGrid stroke="#d0d7de" strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={AXIS} stroke="#8795a1" />
              <YAxis tick={AXIS} stroke="#8795a1" allowDecimals={false} />
              <Tooltip />
              <ReferenceLine y={movementEntryDays} stroke="#2f6b2f" strokeDasharray="6 4" label={{ value: audience === 'patient' ? 'About a week' : `Movement entry: ${movementEntryDays} days`, position: 'insideTopLeft', fill: '#2f6b2f', fontSize: 12 }} />
              <Bar dataKey="days" name="Days of relief" fill="#1d4f73" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <HiddenTable caption={title} head={['Session', 'Days of relief']} rows={relief.map((r) => [dayLabel(r.date), r.reliefWindowDays === null ? 'Not reported' : r.reliefWindowDays])} />
    </figure>
  );
}

export function GoalChart({ view, audience }: { view: CarePlanView; audience: 'staff' | 'patient' }): ReactElement {
  const goals = view.plan?.goals ?? [];
  const byDate = new Map<string, Record<string, number | string>>();
  const put = (date: string, goalId: string, score: number): void => {
    const row = byDate.get(date) ?? { date, label: dayLabel(date) };
    row[goalId] = score;
    byDate.set(date, row);
  };
  for (const s of view.sessions) for (const g of s.goalScores) put(s.date, g.goalId, g.score);
  for (const r of view.reports) for (const g of r.goalScores) put(r.reportedOn, g.goalId, g.score);
  const data = [...byDate.values()].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const title = audience === 'patient' ? 'The things you want to do again (0 = cannot, 10 = as before)' : 'Goal activity scores (PSFS 0–10)';
  return (
    <figure className="measure">
      <h3 className="measure-title">{title}</h3>
      {data.length === 0 ? (
        <p className="muted">No scores yet.</p>
      ) : (
        <div className="chart-box">
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: -16 }}>
              <CartesianGrid stroke="#d0d7de" strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={AXIS} stroke="#8795a1" />
              <YAxis domain={[0, 10]} tick={AXIS} stroke="#8795a1" allowDecimals={false} />
              <Tooltip />
              <Legend />
              {goals.map((g, i) => (
                <Line key={g.id} type="linear" dataKey={g.id} name={g.activity} stroke={COLOURS[i % COLOURS.length]} strokeWidth={3} connectNulls isAnimationActive={false} />
              ))}
              {goals.map((g, i) => (
                <ReferenceLine key={`t-${g.id}`} y={g.targetScore} stroke={COLOURS[i % COLOURS.length]} strokeDasharray="2 4" />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <HiddenTable caption={title} head={['Date', ...goals.map((g) => g.activity)]} rows={data.map((d) => [String(d.label), ...goals.map((g) => (d[g.id] === undefined ? '–' : String(d[g.id])))])} />
    </figure>
  );
}

export function PhaseTimelineChart({ view }: { view: CarePlanView }): ReactElement {
  const toTime = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  const data = view.phaseTimeline.map((p) => ({ t: toTime(p.date), phase: PHASES.indexOf(p.phase), name: PHASE_WORDS[p.phase].staff }));
  const checkpoints = view.checkpoints.map((c) => ({ t: toTime(c.decision?.date ?? c.dueOn), label: c.status === 'decided' ? `Checkpoint: ${c.decision?.decision ?? ''}` : 'Checkpoint due' }));
  const flares = (view.progression?.flares ?? []).map((f) => {
    const flare = view.flares.find((x) => x.id === f.flareId);
    return { t: flare ? toTime(flare.startedAt) : 0, reassess: f.expected === false };
  });
  const all = [...data.map((d) => d.t), ...checkpoints.map((c) => c.t), ...flares.map((f) => f.t)].filter((t) => t > 0);
  const domain: [number, number] = all.length > 0 ? [Math.min(...all) - 86_400_000 * 3, Math.max(...all) + 86_400_000 * 3] : [0, 1];
  return (
    <figure className="measure">
      <h3 className="measure-title">Phase over time, with flares and checkpoints</h3>
      <p className="chart-key">
        <span className="key key--checkpoint">Checkpoint</span> <span className="key key--flare">Flare (expected)</span> <span className="key key--reassess">Flare to reassess</span>
      </p>
      {data.length === 0 ? (
        <p className="muted">No sessions yet.</p>
      ) : (
        <div className="chart-box">
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid stroke="#d0d7de" strokeDasharray="3 3" />
              <XAxis dataKey="t" type="number" domain={domain} scale="time" tickFormatter={(t: number) => short.format(new Date(t))} tick={AXIS} stroke="#8795a1" />
              <YAxis dataKey="phase" type="number" domain={[0, 3]} ticks={[0, 1, 2, 3]} tickFormatter={(i: number) => ['Response', 'Window', 'Movement', 'Active'][i] ?? ''} tick={AXIS} stroke="#8795a1" width={80} />
              <Tooltip labelFormatter={(t) => short.format(new Date(Number(t)))} formatter={(_v, _n, item) => [(item.payload as { name: string }).name, 'Phase']} />
              {checkpoints.map((c, i) => (
                <ReferenceLine key={`c-${i}`} x={c.t} stroke="#1d4f73" strokeWidth={2} />
              ))}
              {flares.map((f, i) => (
                <ReferenceLine key={`f-${i}`} x={f.t} stroke={f.reassess ? '#b3261e' : '#8a6d00'} strokeDasharray="5 3" strokeWidth={2} />
              ))}
              <Line type="stepAfter" dataKey="phase" name="Phase" stroke="#2f6b2f" strokeWidth={3} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <HiddenTable
        caption="Phase after each session, flares and checkpoints"
        head={['Date', 'Event']}
        rows={[
          ...view.phaseTimeline.map((p) => [dayLabel(p.date), `Phase: ${PHASE_WORDS[p.phase].staff}`]),
          ...flares.map((f) => [short.format(new Date(f.t)), f.reassess ? 'Flare to reassess' : 'Flare']),
          ...checkpoints.map((c) => [short.format(new Date(c.t)), c.label]),
        ]}
      />
    </figure>
  );
}

export function StaffCharts({ view }: { view: CarePlanView }): ReactElement {
  return (
    <div className="chart-grid">
      <ReliefChart view={view} audience="staff" />
      <GoalChart view={view} audience="staff" />
      <PhaseTimelineChart view={view} />
    </div>
  );
}
