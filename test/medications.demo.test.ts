/** The demo medications: each demo regimen shows what it is there to show, computed by the domain. */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { calculateMme, reviewRisk } from '../src/domain/opioids';
import { seedDemoClinic } from '../src/db/seed/demo';
import { latestPdmpCheck, latestUrineTest, listActiveMedicationOrders } from '../src/db/repositories/medications.repository';
import { listTaperPlans, actualDosesFor } from '../src/db/repositories/taper-plans.repository';
import { patients } from '../src/db/schema';
import { createTestDatabase } from './support/database';

describe('demo medications', () => {
  it('seeds four regimens: 60 MME with a benzodiazepine and no naloxone, a taper, buprenorphine, a patch', async () => {
    const demo = await createTestDatabase();
    try {
      const asOf = new Date('2026-11-22T12:00:00Z');
      const { orgId } = await seedDemoClinic(demo.database.db, { hashPassword: async (p) => `test-hash$${p.length}`, asOf });
      const db = demo.database.db;
      const idOf = async (mrn: string): Promise<string> => (await db.select().from(patients).where(and(eq(patients.orgId, orgId), eq(patients.mrn, mrn))))[0]?.id ?? '';
      const review = async (mrn: string) => {
        const orders = await listActiveMedicationOrders(db, orgId, await idOf(mrn), asOf);
        const mme = calculateMme(orders, { factorSet: 'cdc-2022', asOf });
        return { orders, mme, risk: reviewRisk({ orders, mme, history: {}, asOf }) };
      };

      const jensen = await review('RB-100002');
      expect(jensen.mme.totalMmePerDay).toBe(60);
      expect(jensen.risk.findings.map((f) => f.code)).toContain('risk.opioid-with-benzodiazepine');
      expect(jensen.risk.naloxone.onList).toBe(false);
      expect((await latestPdmpCheck(db, orgId, await idOf('RB-100002')))?.checkedOn).toBe('2026-07-20');
      expect((await latestUrineTest(db, orgId, await idOf('RB-100002')))?.reconciliation.needsConversation).toBe(false);

      const volkov = await review('RB-100014');
      expect(volkov.mme.totalMmePerDay).toBe(22.5);
      expect(volkov.risk.naloxone.onList).toBe(true);
      const plans = await listTaperPlans(db, orgId, await idOf('RB-100014'));
      expect(plans.map((p) => p.status)).toEqual(['active']);
      expect((await actualDosesFor(db, orgId, plans[0]?.id ?? '')).map((d) => d.mmePerDay)).toEqual([30, 26.3, 22.5]);

      const obrien = await review('RB-100009');
      expect(obrien.mme.totalMmePerDay).toBe(0);
      expect(obrien.mme.lines.find((l) => l.ingredient.name === 'buprenorphine')?.status).toBe('not-summed');

      const harper = await review('RB-100017');
      expect(harper.mme.totalMmePerDay).toBe(28.8);
    } finally {
      await demo.drop();
    }
  });
});
