/** The care-plan charts, loaded only when shown (Recharts is most of the app's weight). */
import { lazy } from 'react';

export const LazyStaffCharts = lazy(async () => ({ default: (await import('./care-plan-charts')).StaffCharts }));
export const LazyReliefChart = lazy(async () => ({ default: (await import('./care-plan-charts')).ReliefChart }));
export const LazyGoalChart = lazy(async () => ({ default: (await import('./care-plan-charts')).GoalChart }));
