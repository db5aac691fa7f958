/**
 * Planned and actual daily dose (MME/day) over the taper, with PEG beside it on its own axis (Recharts),
 * and the same figures in a table for screen readers.
 */
import type { ReactElement } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TaperPlan } from '../../../domain/opioids';

export interface TaperChartProps {
  plan: TaperPlan;
  actual: { takenOn: string; mmePerDay: number }[];
  peg: { authoredOn: string; total: number | null }[];
}

interface Row { day: string; planned?: number; actual?: number; peg?: number }

export function TaperChart({ plan, actual, peg }: TaperChartProps): ReactElement {
  const byDay = new Map<string, Row>();
  const row = (day: string): Row => {
    const found = byDay.get(day);
    if (found) return found;
    const created: Row = { day };
    byDay.set(day, created);
    return created;
  };
  if (plan.originalMmePerDay !== null) row(plan.startDate).planned = plan.originalMmePerDay;
  for (const s of plan.steps) if (s.mmePerDay !== null) row(s.startsOn).planned = s.mmePerDay;
  for (const a of actual) row(a.takenOn).actual = a.mmePerDay;
  const first = plan.startDate;
  const from = actual.length > 0 ? [first, ...actual.map((a) => a.takenOn)].sort()[0] ?? first : first;
  for (const p of peg) if (p.total !== null && p.authoredOn >= from) row(p.authoredOn).peg = p.total;
  const data = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  return (
    <figure className="taper-chart">
      <figcaption>Planned and actual dose (MME/day), with PEG (0–10, lower is better) beside it</figcaption>
      <div style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 10, right: 10, bottom: 10, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" tick={{ fontSize: 12 }} />
            <YAxis yAxisId="mme" tick={{ fontSize: 12 }} width={40} />
            <YAxis yAxisId="peg" orientation="right" domain={[0, 10]} tick={{ fontSize: 12 }} width={30} />
            <Tooltip />
            <Legend />
            <Line yAxisId="mme" type="stepAfter" dataKey="planned" name="Planned MME/day" stroke="#1d4e89" strokeWidth={2} connectNulls dot={false} isAnimationActive={false} />
            <Line yAxisId="mme" type="linear" dataKey="actual" name="Actual MME/day" stroke="#2e7d32" strokeWidth={2} connectNulls isAnimationActive={false} />
            <Line yAxisId="peg" type="linear" dataKey="peg" name="PEG" stroke="#8a4b00" strokeDasharray="5 4" connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="table-wrap">
        <table className="table table--compact">
          <caption className="visually-hidden">Planned dose, actual dose and PEG by date</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Planned MME/day</th>
              <th scope="col">Actual MME/day</th>
              <th scope="col">PEG</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.planned ?? '—'}</td>
                <td>{d.actual ?? '—'}</td>
                <td>{d.peg ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
