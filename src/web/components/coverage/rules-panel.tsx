/** The plan's benefit rules with the visits counted against each, and the NCD 30.3.3 answer for acupuncture. */
import type { ReactElement } from 'react';
import type { PatientCoverageView, RuleView } from '../../coverage-types';
import { formatDate } from '../../format';
import { ReasonList, serviceName } from './reasons';

function period(rule: RuleView): string {
  switch (rule.periodKind) {
    case 'calendar-year':
      return 'per calendar year';
    case 'calendar-month':
      return 'per calendar month';
    case 'rolling-days':
      return `in any ${rule.periodDays ?? '?'} days`;
    default:
      return 'no visit limit';
  }
}

function Rule({ rule }: { rule: RuleView }): ReactElement {
  const warn = rule.usage?.issues ?? [];
  return (
    <div className="rule-card">
      <h3>{serviceName(rule.service)}</h3>
      {rule.kind === 'ncd-30.3.3' && rule.ncd !== null ? (
        <>
          <p>
            Medicare NCD 30.3.3: up to 12 visits in 90 days, 8 more with documented improvement, at most 20 a year.
          </p>
          <p>
            A visit today would be <span className="usage-meter">visit {rule.ncd.visitNumberInYear}</span> in the year {formatDate(rule.ncd.yearWindow.start)} to{' '}
            {formatDate(rule.ncd.yearWindow.end)}: <strong>{rule.ncd.covered ? 'covered' : 'not covered'}</strong>.
          </p>
          <ReasonList reasons={rule.ncd.reasons} />
          <p className="muted">
            Settings: {rule.ncd.settings.id} v{rule.ncd.settings.version} — year window {rule.ncd.settings.ncdYearWindow}, 90 days anchored on {rule.ncd.settings.ncdInitialAnchor}.
          </p>
        </>
      ) : (
        <>
          <p>
            {rule.visitLimit !== null && rule.periodKind !== 'none' ? `${rule.visitLimit} visits ${period(rule)}` : 'No visit limit'}
            {rule.priorAuthRequired && <span className="tag">Prior authorisation required</span>}
          </p>
          {rule.usage !== null && rule.usage.limit !== null && (
            <p>
              <span className="usage-meter">
                {rule.usage.used} of {rule.usage.limit} used
              </span>
              , {rule.usage.remaining} left
              {rule.usage.window !== null && ` (${formatDate(rule.usage.window.start)} to ${formatDate(rule.usage.window.end)})`}
              {rule.usage.booked > 0 && `; ${rule.usage.booked} more booked`}.
            </p>
          )}
          {warn.map((w) => (
            <p key={w.code} className="rule-warning">
              <strong>Warning:</strong> {w.message}
            </p>
          ))}
        </>
      )}
      {rule.copayNote !== null && <p className="muted">Copay: {rule.copayNote}</p>}
    </div>
  );
}

export function RulesPanel({ view }: { view: PatientCoverageView }): ReactElement {
  return (
    <section className="card" aria-labelledby="rules-title">
      <h2 id="rules-title">Benefits and visits counted</h2>
      {view.rules.length === 0 ? <p>No benefit rules apply (no active plan, or the plan has no rules).</p> : view.rules.map((r) => <Rule key={r.id} rule={r} />)}
      <p className="muted">
        Only attended visits count. Warnings start when {view.settings.warnAtRemainingVisits} or fewer visits remain, and {view.settings.authEndWarningDays} days before an authorisation ends
        ({view.settings.id} v{view.settings.version}).
      </p>
    </section>
  );
}
