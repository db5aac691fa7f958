/**
 * The measure chart, loaded only when a page shows one: the charting library is most of the web app's
 * weight, and the intake on a phone never needs it. Wrap the charts of a section in one <ChartsLoading>.
 */
import { lazy, Suspense, type ReactElement, type ReactNode } from 'react';
import { Loading } from './status';

export const LazyMeasureChart = lazy(async () => ({ default: (await import('./measure-chart')).MeasureChart }));

export function ChartsLoading({ children }: { children: ReactNode }): ReactElement {
  return <Suspense fallback={<Loading label="Drawing the charts…" />}>{children}</Suspense>;
}
