/** The frame for pages shown before sign-in: skip link, the Painpath name, a narrow main column. */
import type { ReactElement, ReactNode } from 'react';
import { SkipLink } from './layout';

export function PublicFrame({ children }: { children: ReactNode }): ReactElement {
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <p className="brand">
            <span className="brand-name">Painpath</span>
          </p>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container container--narrow">
        {children}
      </main>
    </>
  );
}
