/**
 * Browser journeys of the care plan, clicked through as a person would, with axe-core checks and
 * screenshots (look at them: .test-artifacts/screenshots/care-plan-*.png), on the demo clinic:
 * Marcus Bell (physical therapist, North team) logs two sessions for Lan Nguyen and sees the phase the data
 * suggest move from "Extending the window" to "Movement entry"; he records a referral with an overlap period
 * at Denise Washington's checkpoint; Maria Garcia reports on her phone how long the relief lasted.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { DESKTOP, hasChromium, hasHorizontalScroll, PHONE, screenshot, SCREENSHOTS } from './support/browser';
import { expectAccessible, signIn as signInAt, signOut, type Journey, useJourney } from './support/journey';

const THERAPIST = 'marcus.bell@riverbend.example';
const PATIENT = 'maria.garcia@patients.example';
let journey: Journey;

/** Staff: find a patient by name and open their care plan from the patient page. */
async function openCarePlan(page: Page, search: string, name: RegExp): Promise<void> {
  await signInAt(page, journey.server.url, THERAPIST);
  await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
  await page.getByLabel('Name or MRN').fill(search);
  await page.getByRole('button', { name: /^search|find/i }).first().click();
  await page.getByRole('link', { name }).first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('link', { name: 'Care plan and progression' }).click();
  await page.getByRole('heading', { level: 1, name: /Care plan:/ }).waitFor();
}

const suggested = (page: Page) => page.getByTestId('suggested-phase');

async function logSession(page: Page, reliefDays: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Log a session' });
  await form.getByLabel('Relief after the last session (days)').fill(reliefDays);
  await form.getByLabel('Drive to work without stopping').fill('6');
  await form.getByRole('button', { name: 'Log session' }).click();
  await page.getByRole('status').filter({ hasText: 'Session logged.' }).waitFor();
}

describe.skipIf(!hasChromium)('care plan in the browser', () => {
  journey = useJourney();

  it('a therapist logs sessions and sees the phase change', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await openCarePlan(page, 'nguyen', /Lan Nguyen/);
    await expect.poll(() => suggested(page).textContent()).toBe('Extending the window');
    await page.getByText(/Drive the 40 minutes to work without stopping/).first().waitFor();
    await page.getByText(/Bridge plan until then:/).waitFor();
    await page.getByRole('heading', { name: 'Phase over time, with flares and checkpoints' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'care-plan-01-staff-before');

    await logSession(page, '7');
    await expect.poll(() => suggested(page).textContent()).toBe('Extending the window');
    await logSession(page, '7');
    await expect.poll(() => suggested(page).textContent()).toBe('Movement entry');
    await page.getByText(/Active work can enter now/).waitFor();
    await page.getByText(/movementEntryReliefDays=7/).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'care-plan-02-staff-movement-entry');
    await page.getByRole('region', { name: 'Phase' }).screenshot({ path: path.join(SCREENSHOTS, 'care-plan-02b-engine-statement.png') });
    await page.getByRole('region', { name: 'Progress' }).screenshot({ path: path.join(SCREENSHOTS, 'care-plan-02c-charts.png') });

    // The team records the phase: a new version, kept in the history.
    await page.getByRole('button', { name: 'Record phase' }).click();
    await page.getByRole('status').filter({ hasText: 'Phase recorded' }).waitFor();
    await page.getByRole('region', { name: 'Plan history' }).getByText(/Version 2/).waitFor();
    await signOut(page);
    await page.close();
  }, 240_000);

  it('a checkpoint decision is recorded: referral with an overlap period', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await openCarePlan(page, 'washington', /Denise Washington/);
    await page.getByText(/No response yet/).first().waitFor();
    const checkpoint = page.getByRole('region', { name: /Checkpoint/ });
    await checkpoint.getByText('The honest summary').waitFor();
    await checkpoint.getByText('Where we said we would go', { exact: true }).waitFor();
    await checkpoint.getByRole('radio', { name: /Refer, with an overlap period/ }).check();
    // Nothing filled in: every missing field is listed at once.
    await checkpoint.getByRole('button', { name: 'Record decision' }).click();
    await checkpoint.getByText('The decision was not recorded.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'care-plan-03-checkpoint-errors');
    await checkpoint.getByLabel('Refer to (who, where)').fill('Riverside pain rehabilitation programme');
    await checkpoint.getByLabel('Why this referral').fill('No relief window after eight sessions');
    await checkpoint.getByLabel('Reasoning, in words shared with the person').fill('Needling has not opened a window of relief. A programme with more active work and pain education may suit you better; we keep seeing you until you are settled there.');
    await checkpoint.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Decision recorded: Refer, with an overlap period.').waitFor();
    await checkpoint.getByText(/Refer, with an overlap period/).last().waitFor();
    await checkpoint.getByRole('heading', { name: /Checkpoint — due/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'care-plan-04-checkpoint-decided');
    await checkpoint.screenshot({ path: path.join(SCREENSHOTS, 'care-plan-04b-checkpoint-region.png') });
    await signOut(page);
    await page.close();
  }, 240_000);

  it('a patient reports their relief window on a phone', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signInAt(page, journey.server.url, PATIENT);
    await page.waitForURL(/\/me/);
    const plan = page.getByRole('region', { name: 'My plan' });
    await plan.getByText(/Where you are: Adding movement/).waitFor();
    await plan.getByText('Lift my granddaughter without pain the next day.', { exact: true }).waitFor();
    await plan.getByRole('heading', { name: 'How long the relief lasted after each visit' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'care-plan-05-phone-my-plan');
    await plan.screenshot({ path: path.join(SCREENSHOTS, 'care-plan-05b-phone-my-plan-region.png') });
    await plan.getByRole('radio', { name: 'About a week' }).check();
    const walk = plan.getByRole('group', { name: /Walk 30 minutes with my sister on Sundays/ });
    await walk.getByRole('radio', { name: /^7$/ }).check();
    await plan.getByRole('button', { name: 'Send to my care team' }).click();
    await plan.getByText('Thank you. Your care team can see this now.').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'care-plan-06-phone-report-sent');
    await signOut(page);
    await page.close();
  }, 240_000);
});
