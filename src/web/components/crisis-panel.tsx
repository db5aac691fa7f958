/**
 * Shown as soon as a save answers `crisis.show` (PHQ-9 item 9 above "Not at all"): calm words, one tap to
 * call or text 988, 911 for emergencies, and the news that the care team has been told. It never blocks
 * the person from going on. Focus moves to it once, so screen-reader users hear it straight away.
 */
import { useEffect, useRef, type ReactElement } from 'react';
import type { Crisis } from '../measures-types';

interface CrisisPanelProps {
  crisis: Crisis;
  /** After the first screen it was shown on: a short version that keeps help one tap away. */
  compact?: boolean;
}

export function CrisisPanel({ crisis, compact = false }: CrisisPanelProps): ReactElement {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!compact) ref.current?.focus();
  }, [compact]);
  const number = crisis.call === '' ? '988' : crisis.call;
  if (compact) {
    return (
      <section className="crisis-panel crisis-panel--compact" aria-labelledby="crisis-panel-title">
        <h2 id="crisis-panel-title">Help is here, any time</h2>
        <p>
          <a href={`tel:${number}`}>Call {number}</a> or <a href={`sms:${number}`}>text {number}</a>, day or night. In an
          emergency, call <a href="tel:911">911</a>. Your care team knows.
        </p>
      </section>
    );
  }
  return (
    <section className="crisis-panel" aria-labelledby="crisis-panel-title" tabIndex={-1} ref={ref}>
      <h2 id="crisis-panel-title">Help is here, any time</h2>
      <p>{crisis.text}</p>
      <div className="crisis-actions">
        <a className="button button--crisis" href={`tel:${number}`}>
          Call {number}
        </a>
        <a className="button button--crisis" href={`sms:${number}`}>
          Text {number}
        </a>
      </div>
      <p>
        In an emergency, call <a href="tel:911">911</a>.
      </p>
      {!/care team/i.test(crisis.text) && (
        <p>
          <strong>We have let your care team know.</strong>
        </p>
      )}
      <p>You can keep going with your answers whenever you are ready.</p>
    </section>
  );
}
