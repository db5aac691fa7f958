/**
 * Public API of the opioid-safety core (PRODUCT.md capability 6): directions parser, MME with versioned
 * factor sets, risk review, urine drug test reconciliation, monitoring due dates, taper planner and the
 * abrupt-change check. Pure functions; the clock is passed in. See README.md in this folder.
 */
export type {
  DoseForm,
  DoseQuantity,
  DoseUnit,
  Dosage,
  Finding,
  FormUnit,
  Frequency,
  Indication,
  MassUnit,
  MaxPerDay,
  MedicationOrder,
  OrderIngredient,
  OrderStatus,
  PeriodUnit,
  Release,
  Route,
  RxNormIngredient,
  SourceRef,
  Strength,
  StrengthUnit,
  Tag,
  TimeOfDay,
} from './types';
export { DOSE_FORMS, FORM_UNITS, ORDER_STATUSES, ROUTES, TIMES_OF_DAY } from './types';

export { parseDirections, type ParsedDirections } from './directions';
export { describeFrequency, frequencyPerDay } from './frequency';

export { calculateMme, roundMme, MME_ROUNDING, type MmeLine, type MmeLineStatus, type MmeOptions, type MmeResult } from './mme';
export { FACTOR_SETS, describeFactorSet, getFactorSet, lookupFactor, type FactorLookup, type FactorRow, type FactorSet, type FactorTier } from './factor-sets';
export { CDC_2016_FACTORS } from './factors-cdc-2016';
export { CDC_2022_FACTORS } from './factors-cdc-2022';

export { reviewRisk, type RiskHistory, type RiskReview, type RiskReviewInput } from './risk';
export { NALOXONE_CRITERIA, type NaloxoneCriterion, type NaloxoneCriterionCode, type NaloxoneReview } from './naloxone';

export { reconcileUds, type ConversationSuggestion, type UdsLine, type UdsLineStatus, type UdsReconciliation, type UdsResult } from './uds';
export { reviewOpioidStart, type RegimenStartInput } from './starts';
export { isOudMedicationOrder, oudTreatmentFinding } from './oud';
export { isLongActingOpioidOrder, reviewWindowAfterChange, type ReviewWindow } from './monitoring';
export { monitoringDue, type MonitoringInput, type MonitoringItem, type MonitoringKind, type MonitoringStatus } from './monitoring';

export { planTaper, type CustomPace, type TaperDose, type TaperInput, type TaperPlan, type TaperStep } from './taper';
export { REFERENCE_PACES, useDurationCategory, type TaperCut, type TaperPace, type UseDuration } from './taper-pace';
export { detectAbruptChange, type AbruptBound, type AbruptChangeContext, type AbruptChangeResult, type DosePoint } from './abrupt-change';
export { STRENGTH_TABLE, strengthsFor, type StrengthRow } from './strength-table';

export { INGREDIENT_TABLE, DRUG_CLASSES, type DrugClass, type IngredientEntry } from './ingredient-table';
export { identifyIngredient, isOpioidOrder, isRescueNaloxoneOrder } from './ingredients';
export {
  DEFAULT_OPIOID_SETTINGS,
  FACTOR_SET_IDS,
  OPIOID_SETTING_INFO,
  describeSetting,
  resolveOpioidSettings,
  type FactorSetId,
  type OpioidSettings,
  type OpioidSettingName,
} from './settings';

export { checkOrder, describeDosage, directionsQuestions } from './order-checks';
export { suggestReconciliation, type ReconcilableOrder, type ReconciliationKind, type ReconciliationSuggestion } from './reconcile-orders';
export { addDays, addMonths, asOfDate, daysBetween, isCalendarDate } from './dates';
export { assessRegimenChange, type RegimenChangeInput } from './regimen-change';
