/**
 * Medication orders of a patient, read back as the domain's `MedicationOrder` (src/domain/opioids/types.ts),
 * and the clinic's opioid settings. Monitoring records (PDMP checks, urine tests, reviews) live in
 * opioid-monitoring.repository.ts; taper plans in taper-plans.repository.ts.
 */
import { and, asc, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Dosage, DoseForm, Indication, MedicationOrder, OrderIngredient, OrderStatus, Release } from '../../domain/opioids';
import { resolveOpioidSettings, type OpioidSettings } from '../../domain/opioids';
import type { DbOrTx } from '../client';
import { preparedFor } from '../prepared';
import { saveClinicSettingsRow } from './clinic-settings-rows';
import { clinicOpioidSettings, medicationOrders } from '../schema';

export type MedicationOrderRow = typeof medicationOrders.$inferSelect;
export type NewMedicationOrderRow = Omit<typeof medicationOrders.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** The domain order for a stored row (absent optional fields stay absent, never null). */
export function toMedicationOrder(row: MedicationOrderRow): MedicationOrder {
  const order: MedicationOrder = {
    id: row.id,
    ingredients: row.ingredients as OrderIngredient[],
    form: row.form as DoseForm,
    release: row.release as Release,
    dosage: row.dosage as Dosage,
    status: row.status as OrderStatus,
    indication: row.indication as Indication,
  };
  if (row.daysSupply !== null) order.daysSupply = row.daysSupply;
  if (row.startDate !== null) order.start = row.startDate;
  if (row.endDate !== null) order.end = row.endDate;
  if (row.directionsText !== null) order.text = row.directionsText;
  return order;
}

const day = (asOf: Date): string => asOf.toISOString().slice(0, 10);

/**
 * The orders in effect for a patient on the day of `asOf` (UTC): status active, started on or before that
 * day, and not ended before it. Oldest start first. Used by the medication panels and by CDS Hooks.
 */
export async function listActiveMedicationOrders(db: DbOrTx, orgId: string, patientId: string, asOf: Date): Promise<MedicationOrder[]> {
  const rows = await listActiveMedicationOrderRows(db, orgId, patientId, asOf);
  return rows.map(toMedicationOrder);
}

export async function listActiveMedicationOrderRows(db: DbOrTx, orgId: string, patientId: string, asOf: Date): Promise<MedicationOrderRow[]> {
  const query = preparedFor(db, 'list_active_medication_orders', (d, name) => {
    const today = sql.placeholder('today');
    return d
      .select()
      .from(medicationOrders)
      .where(
        and(
          eq(medicationOrders.orgId, sql.placeholder('orgId')),
          eq(medicationOrders.patientId, sql.placeholder('patientId')),
          eq(medicationOrders.status, 'active'),
          or(isNull(medicationOrders.startDate), lte(medicationOrders.startDate, today)),
          or(isNull(medicationOrders.endDate), gte(medicationOrders.endDate, today)),
        ),
      )
      .orderBy(asc(medicationOrders.startDate), asc(medicationOrders.createdAt))
      .prepare(name);
  });
  return query.execute({ orgId, patientId, today: day(asOf) });
}

/** Every order of a patient (any status), newest first. */
export async function listMedicationOrderRows(db: DbOrTx, orgId: string, patientId: string): Promise<MedicationOrderRow[]> {
  return db
    .select()
    .from(medicationOrders)
    .where(and(eq(medicationOrders.orgId, orgId), eq(medicationOrders.patientId, patientId)))
    .orderBy(desc(medicationOrders.createdAt));
}

export async function getMedicationOrderRow(db: DbOrTx, orgId: string, id: string): Promise<MedicationOrderRow | undefined> {
  const rows = await db.select().from(medicationOrders).where(and(eq(medicationOrders.orgId, orgId), eq(medicationOrders.id, id)));
  return rows[0];
}

export async function insertMedicationOrder(db: DbOrTx, row: NewMedicationOrderRow, asOf: Date): Promise<MedicationOrderRow> {
  const inserted = await db
    .insert(medicationOrders)
    .values({ ...row, createdAt: asOf, updatedAt: asOf })
    .returning();
  return inserted[0] as MedicationOrderRow;
}

export type MedicationOrderChanges = Partial<Omit<NewMedicationOrderRow, 'orgId' | 'patientId' | 'source' | 'sourceId' | 'createdBy'>>;

/** Updates when the version still matches; undefined when someone else changed the order first. */
export async function updateMedicationOrderRow(
  db: DbOrTx,
  id: string,
  expectedVersion: number,
  changes: MedicationOrderChanges,
  asOf: Date,
): Promise<MedicationOrderRow | undefined> {
  const rows = await db
    .update(medicationOrders)
    .set({ ...changes, version: sql`${medicationOrders.version} + 1`, updatedAt: asOf })
    .where(and(eq(medicationOrders.id, id), eq(medicationOrders.version, expectedVersion)))
    .returning();
  return rows[0];
}

export interface StoredOpioidSettings {
  settings: OpioidSettings;
  version: number;
  updatedBy: string | null;
}

/** The clinic's opioid settings ("CDC 2022" factor set and the reference intervals unless changed). */
export async function getClinicOpioidSettings(db: DbOrTx, orgId: string): Promise<StoredOpioidSettings> {
  const rows = await db.select().from(clinicOpioidSettings).where(eq(clinicOpioidSettings.orgId, orgId));
  const row = rows[0];
  return { settings: resolveOpioidSettings(row?.settings).settings, version: row?.version ?? 0, updatedBy: row?.updatedBy ?? null };
}

/** Writes the stored partial object; `expectedVersion` 0 means "no row yet". Undefined when stale. */
export function saveClinicOpioidSettings(db: DbOrTx, orgId: string, stored: Record<string, unknown>, expectedVersion: number, updatedBy: string, asOf: Date): Promise<number | undefined> {
  return saveClinicSettingsRow(db, clinicOpioidSettings, orgId, stored, expectedVersion, updatedBy, asOf);
}

export { latestPdmpCheck, latestUrineTest, type PdmpCheck, type UrineTest } from './opioid-monitoring.repository';
