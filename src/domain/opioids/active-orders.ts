/**
 * Which orders are in effect on a day. Source: none clinical; the order's own status and dates.
 *
 * Assumptions: an order is in effect when its status is active (or draft, when drafts are wanted: an order
 * being written counts for safety checks), its start is on or before the day and its end (inclusive) on or
 * after it. Missing dates are open-ended. Stopped, completed, on-hold and entered-in-error orders are not.
 */
import type { MedicationOrder } from './types';

export function isInEffectOn(order: MedicationOrder, day: string, includeDrafts: boolean): boolean {
  const status = order.status ?? 'active';
  if (status !== 'active' && !(includeDrafts && status === 'draft')) return false;
  if (order.start !== undefined && order.start > day) return false;
  if (order.end !== undefined && order.end < day) return false;
  return true;
}
