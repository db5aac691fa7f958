/** Public surface of the care-plan domain: types, value lists, validation and date helpers. */
export * from './types';
export * from './validate';
export { isZonedDateTime, daysBetween, addDays, nextCheckpointOnOrAfter } from './dates';
