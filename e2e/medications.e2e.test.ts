/**
 * Browser journey of the medications page, clicked through as a prescriber would, with axe-core checks and
 * screenshots (look at them: .test-artifacts/screenshots/medications-*.png). Dr. Okafor (North team) opens
 * Lan Nguyen's record, goes to Medications, adds oxycodone from free-text directions and confirms what was
 * read, sees the MME and risk panels, records opioid use disorder and sees medication treatment offered, enters a urine test with an unexpected result and sees the
 * conversation task, then builds, saves and sees the chart of a taper plan. One step runs at 375 px.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { DESKTOP, hasChromium, hasHorizontalScroll, PHONE, screenshot, SCREENSHOTS } from './support/browser';
import { expectAccessible, signIn, signOut, type Journey, useJourney } from './support/journey';

const PRESCRIBER = 'dr.okafor@riverbend.example';
let journey: Journey;
let medicationsPath = '';

async function openMedications(page: Page): Promise<void> {
  await signIn(page, journey.server.url, PRESCRIBER);
  await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
  if (medicationsPath !== '') {
    await page.goto(`${journey.server.url}${medicationsPath}`);
  } else {
    await page.getByLabel('Name or MRN').fill('nguyen');
    await page.getByRole('button', { name: /^search|find/i }).first().click();
    await page.getByRole('link', { name: /Nguyen/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Lan Nguyen/ }).waitFor();
    await page.getByRole('link', { name: 'Medications and opioid safety' }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Medications and opioid safety' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Medication list' }).waitFor();
  medicationsPath = new URL(page.url()).pathname;
}

describe.skipIf(!hasChromium)('medications and opioid safety in the browser', () => {
  journey = useJourney();

  it('a prescriber adds an order from free text, confirms what was read, and sees the MME and risk panels', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await openMedications(page);
    await page.getByText('No medications on the list yet.').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add medication' }).click();
    const form = page.getByRole('form', { name: 'Add a medication' });
    await form.getByLabel('Medication (RxNorm ingredient)').selectOption({ label: 'Oxycodone (7804)' });
    await form.getByLabel('Strength', { exact: true }).fill('10');
    await form.getByLabel('Directions as written').fill('take as directed');
    await form.getByRole('button', { name: 'Read the directions' }).click();
    await form.getByText('Before this can be used, please make the directions clearer:').waitFor();
    expect(await form.getByRole('button', { name: 'Add medication' }).isDisabled()).toBe(true);
    await form.getByLabel('Directions as written').fill('1 tab po q6h prn pain');
    await form.getByRole('button', { name: 'Read the directions' }).click();
    await form.getByText(/We read:.*every 6 hours as needed/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'medications-01-directions-read');
    await form.getByRole('button', { name: 'Yes, this is right' }).click();
    await form.getByLabel('Days supply').fill('30');
    await form.getByLabel('Start date').fill('2025-01-15');
    await form.getByLabel('Prescriber').fill('Dr. Adaeze Okafor');
    await form.getByRole('button', { name: 'Add medication' }).click();
    await page.getByText('The medication was added.').waitFor();
    const list = page.getByRole('region', { name: 'Medication list' });
    await list.getByRole('rowheader', { name: /oxycodone 10 mg/i }).waitFor();
    const mme = page.getByRole('region', { name: 'Daily morphine milligram equivalents (MME)' });
    await mme.getByText('60 MME/day').waitFor();
    await mme.getByText(/Factor set: CDC 2022/).waitFor();
    const risk = page.getByRole('region', { name: 'Risk review' });
    await risk.getByText('Naloxone is not on the medication list.').waitFor();
    expect(await risk.textContent()).not.toMatch(/taper now|ceiling/i);
    await expectAccessible(page);
    await screenshot(page, 'medications-02-mme-and-risk');
    // The care team records opioid use disorder: the review offers medication treatment (CDC 2022 Rec 12).
    await risk.getByRole('button', { name: 'Record risk factors' }).click();
    const factors = page.getByRole('form', { name: 'Record risk factors' });
    await factors.getByLabel('Opioid use disorder').selectOption({ label: 'Yes' });
    await factors.getByRole('button', { name: 'Save risk factors' }).click();
    await risk.getByText('Opioid use disorder: offer medication treatment').waitFor();
    await risk.getByText(/detoxification alone, without medication/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'medications-02b-opioid-use-disorder');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('enters a urine test result with an unexpected substance and sees the conversation task', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await openMedications(page);
    const monitoring = page.getByRole('region', { name: 'Monitoring' });
    await monitoring.getByRole('button', { name: 'Enter urine test result' }).click();
    const form = page.getByRole('form', { name: 'Enter a urine test result' });
    await form.getByLabel('Substance 1').fill('oxycodone');
    await form.getByRole('button', { name: 'Add a substance' }).click();
    await form.getByLabel('Substance 2').fill('cocaine');
    await form.getByLabel('Result 2').selectOption({ label: 'Tested positive' });
    await form.getByRole('button', { name: 'Save result' }).click();
    await page.getByText(/a task to talk it over with the patient was added/).waitFor();
    const table = monitoring.getByRole('table', { name: /Urine test of/ });
    await table.getByText('Expected and found').waitFor();
    await table.getByText('Found, not on the medication list').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'medications-03-urine-test');
    await page.getByRole('link', { name: 'Back to the patient record' }).click();
    await page.getByText(/Talk with Lan about the urine test/).first().waitFor();
    await screenshot(page, 'medications-04-conversation-task');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('on a phone: builds a taper plan, records the agreement, saves it and sees the chart', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await openMedications(page);
    const taper = page.getByRole('region', { name: 'Taper planner' });
    await taper.getByLabel('Pace').selectOption({ label: '10 % of the original dose each month' });
    await taper.getByRole('button', { name: 'Show the schedule' }).click();
    await taper.getByRole('table', { name: /Schedule \(10 % of the original dose each month\)/ }).waitFor();
    expect(await taper.getByRole('table', { name: /Schedule/ }).getByRole('row').count()).toBeGreaterThan(8);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'medications-05-phone-taper-schedule');
    await taper.screenshot({ path: path.join(SCREENSHOTS, 'medications-05b-phone-taper-section.png') });
    await page.getByRole('region', { name: 'Monitoring' }).screenshot({ path: path.join(SCREENSHOTS, 'medications-05c-phone-monitoring.png') });
    await page.getByRole('region', { name: 'Medication list' }).screenshot({ path: path.join(SCREENSHOTS, 'medications-05d-phone-list.png') });
    await taper.getByLabel('After step').fill('2');
    await taper.getByRole('button', { name: 'Add pause' }).click();
    await taper.getByText('Pauses: after step 2 for 28 days').waitFor();
    await taper.getByLabel("The patient's agreement, in their own words").fill('Going slowly feels right. If a step is too hard we will pause and talk.');
    await taper.getByLabel('Naloxone and overdose education were offered').check();
    await taper.getByRole('button', { name: 'Save taper plan' }).click();
    await page.getByText('The taper plan was saved, with monthly follow-up tasks.').waitFor();
    await taper.getByText('Going slowly feels right.', { exact: false }).waitFor();
    await taper.getByText(/Planned and actual dose/).waitFor();
    await page.locator('.taper-chart .recharts-surface').first().waitFor();
    expect(await taper.getByRole('table', { name: 'Planned dose, actual dose and PEG by date' }).getByRole('row').count()).toBeGreaterThan(8);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'medications-06-phone-taper-saved');
    await taper.screenshot({ path: path.join(SCREENSHOTS, 'medications-06b-phone-taper-chart.png') });
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'medications-07-desktop-whole-page');
    await signOut(page);
    await page.close();
  }, 240_000);
});
