/**
 * The progression engine's statement, with every reason and the setting behind it: decision support that
 * suggests and explains. The recorded phase is what people chose; the suggested phase is what the data say.
 */
import type { ReactElement } from 'react';
import type { ProgressionPhase, ProgressionResult, Reason } from '../../care-plan-types';
import { PHASE_WORDS } from '../../care-plan-types';

function ReasonList({ reasons }: { reasons: readonly Reason[] }): ReactElement {
  return (
    <ul className="reason-list">
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`}>
          {r.message}
          {r.settings.length > 0 && <span className="reason-setting"> Setting: {r.settings.join('; ')}</span>}
        </li>
      ))}
    </ul>
  );
}

export function EngineStatement({ progression, recordedPhase }: { progression: ProgressionResult; recordedPhase: ProgressionPhase }): ReactElement {
  const differs = progression.suggestedPhase !== recordedPhase;
  return (
    <section className="card engine" aria-labelledby="engine-title">
      <h2 id="engine-title">Phase</h2>
      <dl className="phase-pair">
        <div>
          <dt>Recorded in the plan</dt>
          <dd className="phase-name">{PHASE_WORDS[recordedPhase].staff}</dd>
        </div>
        <div>
          <dt>The data suggest</dt>
          <dd className={differs ? 'phase-name phase-name--differs' : 'phase-name'} data-testid="suggested-phase">
            {PHASE_WORDS[progression.suggestedPhase].staff}
          </dd>
        </div>
      </dl>
      <h3>Why</h3>
      <ReasonList reasons={progression.phaseReasons} />
      {progression.statements.length > 0 && (
        <>
          <h3>What to look at</h3>
          <ReasonList reasons={progression.statements} />
        </>
      )}
      {progression.flares.length > 0 && (
        <>
          <h3>Flares</h3>
          <ul className="reason-list">
            {progression.flares.map((f) => (
              <li key={f.flareId}>
                <strong>{f.expected === false ? 'Reassess' : f.expected === true ? 'Expected, settled' : 'Settling'}:</strong> {f.reasons.map((r) => r.message).join(' ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {progression.plateau.plateau && (
        <p className="notice notice--info">
          <strong>Plateau.</strong> {progression.plateau.reasons.map((r) => r.message).join(' ')}
        </p>
      )}
      <p className="muted small">
        Decision support ({progression.settingsVersion}): it suggests and explains; the care team and the person decide.
      </p>
    </section>
  );
}
