/**
 * One instrument over time (GET /patients/:id/measures series): a Recharts line chart with every point
 * labelled with its score, which way is better written above it, the latest change in words (the server's
 * LabelledChange.text), and a table with the same figures for screen readers. Hovering, tapping or
 * arrow-keying to a point shows its date, score, band, change, and the source and setting behind it.
 */
import { useId, type ReactElement } from 'react';
import { CartesianGrid, LabelList, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { getInstrument } from '../../domain/measures/instruments';
import { formatDateTime } from '../format';
import type { LabelledChange, MeasurePoint, MeasureSeries } from '../measures-types';

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface Datum {
  key: string;
  label: string;
  total: number;
  point: MeasurePoint;
}

function dateOf(at: string, format: Intl.DateTimeFormat): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : format.format(d);
}

function changeClass(change: LabelledChange | null): string {
  if (change === null) return 'change';
  return `change change--${change.label}`;
}

/**
 * Which points get their score written above them: all of them when there are few; otherwise the first,
 * the last and a few evenly spaced between, so the numbers never overlap on a phone. Every point still
 * shows its score on hover, tap or arrow keys, and in the table.
 */
function labelledPoints(n: number): Set<number> {
  if (n <= 6) return new Set(Array.from({ length: n }, (_, i) => i));
  const step = Math.ceil((n - 1) / 5);
  const picked = new Set<number>();
  for (let i = 0; i < n - 1; i += step) if (n - 1 - i >= step) picked.add(i);
  picked.add(n - 1);
  return picked;
}

export function directionWords(direction: MeasureSeries['direction']): string {
  return direction === 'lower-is-better' ? 'Lower is better' : 'Higher is better';
}

/** Where a point came from, in words. */
function sourceWords(point: MeasurePoint, instrumentSource: string | undefined): string {
  const how = point.source === 'intake' ? ' in the intake' : point.source === 'request' ? ' to a questionnaire the team sent' : '';
  return `Answered by the patient${how}${instrumentSource !== undefined ? `; ${instrumentSource}` : ''}`;
}

interface TipProps {
  active?: boolean;
  payload?: readonly { payload?: Datum }[];
  audience: 'patient' | 'staff';
  instrumentSource?: string;
}

function PointTip({ active, payload, audience, instrumentSource }: TipProps): ReactElement | null {
  const datum = payload?.[0]?.payload;
  if (active !== true || datum === undefined) return null;
  const { point } = datum;
  const change = point.change;
  return (
    <div className="chart-tip">
      <p>
        <strong>{formatDateTime(point.at)}</strong>
      </p>
      <p>
        Score {datum.total}
        {point.score.band !== null && ` · ${point.score.band.label}`}
      </p>
      {change !== null && <p>{change.text}</p>}
      {audience === 'staff' && (
        <>
          <p className="chart-tip-meta">Source: {sourceWords(point, instrumentSource)}</p>
          {change !== null && (
            <p className="chart-tip-meta">
              Setting: {change.setting} — {change.threshold}
            </p>
          )}
          {point.score.band?.setting !== undefined && <p className="chart-tip-meta">Band setting: {point.score.band.setting}</p>}
        </>
      )}
    </div>
  );
}

interface MeasureChartProps {
  series: MeasureSeries;
  audience: 'patient' | 'staff';
  /** Heading level for the chart's title. */
  level?: 2 | 3;
}

export function MeasureChart({ series, audience, level = 3 }: MeasureChartProps): ReactElement {
  const id = useId();
  const instrument = getInstrument(series.instrumentId);
  const title = audience === 'patient' ? series.patientTitle : series.title;
  const data: Datum[] = series.points
    .filter((p) => p.score.total !== null)
    .map((p, i) => ({ key: `${p.at}-${i}`, label: dateOf(p.at, shortDate), total: p.score.total ?? 0, point: p }));
  const last = data[data.length - 1]?.point;
  const hasBands = (instrument?.bands.length ?? 0) > 0;
  const Heading = level === 2 ? 'h2' : 'h3';
  const labelled = labelledPoints(data.length);
  // Two answers on one day share a date label, so points are keyed uniquely and only the ticks show dates.
  const labels = new Map(data.map((d) => [d.key, d.label]));

  return (
    <figure className="measure" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className="measure-title">
        {title}
      </Heading>
      <p className="measure-direction">
        <strong>{directionWords(series.direction)}.</strong> Scores go from {series.scoreRange.min} to {series.scoreRange.max}.
      </p>
      {data.length === 0 ? (
        <p className="muted">{audience === 'patient' ? 'No answers yet.' : 'No completed scores yet.'}</p>
      ) : (
        <>
          {last !== undefined && (
            <ul className="change-list">
              <li>
                Latest ({dateOf(last.at, longDate)}): <strong>{last.score.total}</strong>
                {last.score.band !== null && <span> · {last.score.band.label}</span>}
              </li>
              {last.change !== null && (
                <li className={changeClass(last.change)}>
                  <span className="change-when">Since last time:</span> {last.change.text}
                </li>
              )}
              {last.changeFromBaseline !== null && data.length > 2 && (
                <li className={changeClass(last.changeFromBaseline)}>
                  <span className="change-when">Since the first time:</span> {last.changeFromBaseline.text}
                </li>
              )}
            </ul>
          )}
          <div className="chart-box">
            <ResponsiveContainer width="100%" height={220}>
              <LineChart data={data} margin={{ top: 24, right: 16, bottom: 4, left: -16 }} title={`${title}: chart of scores over time`}>
                <CartesianGrid stroke="#d0d7de" strokeDasharray="3 3" />
                <XAxis
                  dataKey="key"
                  tickFormatter={(key: string) => labels.get(key) ?? ''}
                  tick={{ fill: '#4a5561', fontSize: 13 }}
                  stroke="#8795a1"
                  padding={{ left: 14, right: 14 }}
                />
                <YAxis
                  domain={[series.scoreRange.min, series.scoreRange.max]}
                  tick={{ fill: '#4a5561', fontSize: 13 }}
                  stroke="#8795a1"
                  allowDecimals={false}
                />
                <Tooltip content={<PointTip audience={audience} instrumentSource={instrument?.source} />} />
                <Line
                  type="linear"
                  dataKey="total"
                  name={title}
                  stroke="#1d4f73"
                  strokeWidth={3}
                  dot={{ r: 5, fill: '#1d4f73', stroke: '#fff', strokeWidth: 2 }}
                  activeDot={{ r: 8 }}
                  isAnimationActive={false}
                >
                  <LabelList
                    valueAccessor={(entry, index) => (labelled.has(index) ? String((entry.payload as Datum).total) : '')}
                    position="top"
                    offset={10}
                    fill="#1a1a1a"
                    fontSize={14}
                    fontWeight={700}
                  />
                </Line>
              </LineChart>
            </ResponsiveContainer>
          </div>
          {/* A table ignores width: 1px, so the wrapper is what hides it without widening the page. */}
          <div className="visually-hidden">
          <table>
            <caption>{title}: every score, oldest first. {directionWords(series.direction)}.</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Score</th>
                {hasBands && <th scope="col">Band</th>}
                <th scope="col">Change since last time</th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{dateOf(d.point.at, longDate)}</th>
                  <td>{d.total}</td>
                  {hasBands && <td>{d.point.score.band?.label ?? 'None'}</td>}
                  <td>{d.point.change?.text ?? 'First score'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      )}
    </figure>
  );
}
