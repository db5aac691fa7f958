/**
 * /calculators/imaging-context: spine imaging findings in context (docs/progression.md). The clinician enters
 * an age and the findings on the report; the page shows how many people of that age WITHOUT pain have each
 * finding (Brinjikji 2015), how the figure was worked out, how sure we are of it, and suggested wording for
 * the report and for the person. Calls the stateless calculator; nothing is stored.
 */
import { useState, type FormEvent, type ReactElement } from 'react';
import type { ImagingContext } from '../../domain/imaging/context';
import { FINDING_NAMES, SPINE_FINDINGS } from '../../domain/imaging/brinjikji-2015';
import { apiPost, fieldErrors } from '../api';
import { CheckboxGroup } from '../components/choice-group';
import { TextField } from '../components/form-field';
import { ErrorNotice, StatusMessage } from '../components/status';
import { usePageTitle } from '../hooks';

interface ImagingContextResponse {
  age: number;
  ageRule: string;
  source: string;
  tableVersion: string;
  results: ImagingContext[];
}

const FIELDS = ['age', 'findings'] as const;

/** Quotes sit flush with the card (no browser indent), so they read well at 375 px. */
const QUOTE_STYLE = { margin: '0 0 1rem' } as const;

const METHOD_TEXT: Record<ImagingContext['method'], string> = {
  tabulated: 'Published figure for this age.',
  interpolated: 'Worked out on a straight line between the two nearest published ages.',
  'clamped-below': 'The review covered ages 20 to 80; the figure for age 20 is used.',
  'clamped-above': 'The review covered ages 20 to 80; the figure for age 80 is used.',
};

const CERTAINTY_TEXT: Record<ImagingContext['certainty'], string> = {
  V: 'Checked against the published abstract.',
  S: 'Checked against secondary sources only.',
  U: 'Not yet checked.',
};

function ResultCard({ r }: { r: ImagingContext }): ReactElement {
  const points = r.pointsUsed.map((p) => `age ${p.age}: ${p.percent}%`).join('; ');
  return (
    <section className="card" aria-labelledby={`imaging-${r.finding}`}>
      <h2 id={`imaging-${r.finding}`}>{r.clinicalName}</h2>
      <p className="callout">
        <strong>About {r.prevalencePercent} in 100</strong> people aged {r.age} <strong>without back pain</strong> have this finding.
      </p>
      <dl className="facts">
        <div className="facts-row">
          <dt>How the figure was found</dt>
          <dd>
            {METHOD_TEXT[r.method]} ({points})
          </dd>
        </div>
        <div className="facts-row">
          <dt>How sure we are</dt>
          <dd>
            {CERTAINTY_TEXT[r.certainty]} [{r.certainty}]
          </dd>
        </div>
      </dl>
      {/* The age method above already says when an age is outside 20–80; other notes are shown. */}
      {r.issues.filter((i) => !i.code.startsWith('imaging.age-clamped')).map((i) => (
        <p key={i.code} className="field-hint">
          {i.message}
        </p>
      ))}
      <h3>Suggested wording for the report</h3>
      <blockquote className="callout" style={QUOTE_STYLE}>{r.reportWording}</blockquote>
      <h3>Suggested words for the person</h3>
      <blockquote className="callout" style={QUOTE_STYLE}>{r.patientWording}</blockquote>
    </section>
  );
}

export function ImagingContextPage(): ReactElement {
  usePageTitle('Imaging in context');
  const [age, setAge] = useState('');
  const [findings, setFindings] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImagingContextResponse | null>(null);
  const byField = fieldErrors(error, FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const trimmed = age.trim();
    const body = { age: /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed === '' ? undefined : trimmed, findings: SPINE_FINDINGS.filter((f) => findings.includes(f)) };
    try {
      setResult(await apiPost<ImagingContextResponse>('/api/v1/calculators/imaging-context', body));
    } catch (err) {
      setResult(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Imaging in context</h1>
      <p>
        Many spine scan findings are common in people who have no pain at all. Enter the person&apos;s age and the findings on the report to see how
        common each one is at that age, with wording you can use. Nothing is stored.
      </p>
      <form className="form form--panel" onSubmit={(e) => void handleSubmit(e)} aria-label="Imaging findings" noValidate>
        {error !== null && <ErrorNotice error={error} title="We could not work this out." extra={byField[''] ?? []} focus />}
        <TextField label="Age in years" name="age" value={age} onChange={setAge} inputMode="numeric" required errors={byField.age} />
        <CheckboxGroup
          legend="Findings on the report"
          name="findings"
          hint="Choose every finding named on the report."
          choices={SPINE_FINDINGS.map((f) => ({ value: f, label: FINDING_NAMES[f].clinical }))}
          values={findings}
          onChange={setFindings}
          errors={byField.findings}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Working it out…' : 'Show in context'}
        </button>
      </form>
      <StatusMessage>{result === null ? '' : `${result.results.length} finding${result.results.length === 1 ? '' : 's'} shown for age ${result.age}.`}</StatusMessage>
      {result !== null && (
        <div>
          {result.results.map((r) => (
            <ResultCard key={r.finding} r={r} />
          ))}
          <p className="field-hint">
            {result.ageRule} Source: {result.source}
          </p>
        </div>
      )}
    </>
  );
}
