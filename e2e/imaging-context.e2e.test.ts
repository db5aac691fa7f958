/**
 * Browser journey of the imaging-in-context calculator (docs/progression.md): a clinician opens it from the
 * main navigation, sees every missing field named at once, then enters an age and the findings on a report
 * and reads how common each is in people of that age without pain, with wording for the report and the
 * person. On a desktop and on a 375 px phone, with axe checks. Screenshots: imaging-context-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, hasChromium, hasHorizontalScroll, PHONE, screenshot } from './support/browser';
import { expectAccessible, signIn, type Journey, useJourney } from './support/journey';

const CLINICIAN = 'dr.okafor@riverbend.example';
let journey: Journey;

async function openCalculator(page: Page): Promise<void> {
  await signIn(page, journey.server.url, CLINICIAN);
  await page.getByRole('link', { name: 'Imaging in context' }).click();
  await page.getByRole('heading', { level: 1, name: 'Imaging in context' }).waitFor();
}

describe.skipIf(!hasChromium)('imaging in context in the browser', () => {
  journey = useJourney();

  it('a clinician puts the findings of a report in context', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await openCalculator(page);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Show in context' }).click();
    await page.getByText('We could not work this out.').waitFor();
    await screenshot(page, 'imaging-context-errors');
    // Both missing fields are named at once, each next to its field.
    expect(await page.locator('.field-error li').allTextContents()).toEqual(['This is required.', 'Needs at least 1 item.']);

    await page.getByLabel('Age in years').fill('45');
    await page.getByRole('checkbox', { name: 'Disc bulge' }).check();
    await page.getByRole('checkbox', { name: 'Annular fissure' }).check();
    await page.getByRole('button', { name: 'Show in context' }).click();
    await page.getByRole('heading', { level: 2, name: 'Disc bulge' }).waitFor();
    await expect.poll(() => page.getByText('2 findings shown for age 45.').count()).toBe(1);
    const bulge = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Disc bulge' }) });
    expect(await bulge.getByText('About 55 in 100', { exact: true }).count()).toBe(1);
    expect(await bulge.getByText(/straight line between the two nearest published ages\. \(age 40: 50%; age 50: 60%\)/).count()).toBe(1);
    expect(await bulge.getByText(/About 55 in 100 people aged 45 who have no back pain have this on their scans/).count()).toBe(1);
    const fissure = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Annular fissure' }) });
    expect(await fissure.getByText('About 23 in 100', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: 'Disc degeneration' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'imaging-context-desktop');
    await page.close();
  });

  it('works on a phone, including an age outside the ages studied', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, journey.server.url, CLINICIAN);
    await page.getByRole('heading', { level: 1, name: 'Patients' }).waitFor();
    await page.goto(`${journey.server.url}/calculators/imaging-context`);
    await page.getByRole('heading', { level: 1, name: 'Imaging in context' }).waitFor();
    await page.getByLabel('Age in years').fill('86');
    await page.getByRole('checkbox', { name: 'Disc degeneration' }).check();
    await page.getByRole('button', { name: 'Show in context' }).click();
    await page.getByRole('heading', { level: 2, name: 'Disc degeneration' }).waitFor();
    expect(await page.getByText('About 96 in 100', { exact: true }).count()).toBe(1);
    expect(await page.getByText(/the figure for age 80 is used/).count()).toBe(1);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'imaging-context-phone');
    await page.close();
  });
});
