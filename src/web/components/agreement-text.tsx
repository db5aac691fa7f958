/**
 * The text of an agreement as headings, paragraphs and lists (one block per line of the text; see
 * src/domain/agreements/template.ts). The title is an h2 and sections h3, under the page's h1, so a screen
 * reader can move from section to section. Also: the reading grade shown beside the target, announced politely.
 */
import type { ReactElement } from 'react';
import { agreementBlocks } from '../../domain/agreements/template';

export function AgreementText({ text, large = false }: { text: string; large?: boolean }): ReactElement {
  return (
    <div className={large ? 'agreement-text agreement-text--large' : 'agreement-text'}>
      {agreementBlocks(text).map((b, i) => {
        switch (b.kind) {
          case 'title':
            return <h2 key={i}>{b.text}</h2>;
          case 'heading':
            return <h3 key={i}>{b.text}</h3>;
          case 'paragraph':
            return <p key={i}>{b.text}</p>;
          case 'list':
            return (
              <ul key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            );
          default: {
            const never: never = b;
            return never;
          }
        }
      })}
    </div>
  );
}

export function ReadingGrade({ grade, max, live = false }: { grade: number | null; max: number; live?: boolean }): ReactElement {
  const within = grade !== null && grade <= max;
  const words =
    grade === null ? 'Reading grade: no text to score yet.' : `Reading grade ${grade.toFixed(1)} (target ${max} or lower)${within ? '.' : ' – above the target. Shorter sentences and shorter words help.'}`;
  return (
    <p className={within ? 'reading-grade' : 'reading-grade reading-grade--high'} {...(live ? { 'aria-live': 'polite' as const, role: 'status' } : {})} data-testid="reading-grade">
      {words}
    </p>
  );
}
