/** The medication routes, registered together by app.ts. */
export { medicationRoutes } from './medications.routes';
export { myMedicinesRoutes } from './my-medicines.routes';
export { opioidMonitoringRoutes } from './opioid-monitoring.routes';
export { taperRoutes } from './taper.routes';
