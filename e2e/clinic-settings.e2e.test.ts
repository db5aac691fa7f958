/**
 * Browser journey of the Admin page's "Clinic settings", clicked through as a person would, with axe-core
 * checks and screenshots (look at them: .test-artifacts/screenshots/clinic-settings-*.png). Dr. Kowalski
 * (clinic lead) opens Admin, sees the reference defaults, chooses the CDC 2016 factor set and saves, types a
 * threshold out of range and is told the range, saves "warn at 4 remaining visits", reloads and sees both
 * kept; the page is checked at 375 px; a second tab still on the old version is told someone else changed
 * the settings first. Then Dr. Hoang (prescriber) sees "CDC 2016" named on Robert Jensen's MME panel.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DESKTOP, hasChromium, hasHorizontalScroll, PHONE, screenshot, SCREENSHOTS } from './support/browser';
import { expectAccessible, signIn as signInAt, signOut, type Journey, useJourney } from './support/journey';

const CLINIC_LEAD = 'dr.kowalski@riverbend.example';
const PRESCRIBER = 'lena.hoang@riverbend.example'; // South and rural teams: Robert Jensen's prescriber
const WARN_LABEL = 'Warn when this many covered visits (or fewer) remain';
let journey: Journey;

const signIn = (page: Page, email: string): Promise<void> => signInAt(page, journey.server.url, email);
/** The card alone, so the screenshot can be read at full size (the whole Admin page is very tall). */
const shootCard = async (card: Locator, name: string): Promise<void> => {
  await card.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
};

async function openAdmin(page: Page): Promise<Locator> {
  await page.goto(`${journey.server.url}/admin`);
  await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
  const card = page.getByRole('region', { name: 'Clinic settings' });
  await card.getByText(/^In use: /).waitFor();
  await card.getByText(/^(All reference defaults|\d+ changed from the reference defaults)/).waitFor();
  return card;
}

describe.skipIf(!hasChromium)('clinic settings in the browser', () => {
  journey = useJourney();

  it('a clinic lead chooses the CDC 2016 factor set and a warning threshold; both are kept after a reload', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await signIn(page, CLINIC_LEAD);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('link', { name: 'Admin' }).click();
    let card = await openAdmin(page);
    await card.getByText('In use: CDC 2022 (the reference default). Version 0.').waitFor();
    await card.getByText(/^All reference defaults\. Version 0/).waitFor();
    expect(await card.getByRole('radio', { name: /^CDC 2022/ }).isChecked()).toBe(true);
    expect(await card.getByLabel(WARN_LABEL).inputValue()).toBe('2');
    await card.getByText('Reference default: 2 visits. A whole number from 0 to 20.').waitFor();
    await expectAccessible(page);
    await shootCard(card, 'clinic-settings-01-defaults');

    // A second tab opened now will hold the old version of the coverage settings.
    const other = await journey.browser.context.newPage();
    await other.setViewportSize(DESKTOP);
    const otherCard = await openAdmin(other);

    // The factor set.
    const factor = card.getByRole('form', { name: 'Opioid conversion factors' });
    await factor.getByRole('radio', { name: /^CDC 2016/ }).check();
    await factor.getByRole('button', { name: 'Save factor set' }).click();
    await card.getByText("Saved: CDC 2016 is the clinic's factor set (version 1).").waitFor();
    await card.getByText('In use: CDC 2016 (reference default: CDC 2022). Version 1.').waitFor();

    // The coverage settings: out of range first, then a value in range.
    const coverage = card.getByRole('form', { name: 'Coverage' });
    await coverage.getByLabel(WARN_LABEL).fill('25');
    await coverage.getByRole('button', { name: 'Save coverage settings' }).click();
    await coverage.getByText('Enter a whole number from 0 to 20.').waitFor();
    expect(await coverage.getByLabel(WARN_LABEL).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await shootCard(card, 'clinic-settings-02-out-of-range');
    // Typing the fix keeps the focus in the field (the error notice takes it only when it appears).
    const warnField = coverage.getByLabel(WARN_LABEL);
    await warnField.fill('');
    await warnField.pressSequentially('4');
    expect(await warnField.evaluate((el) => el === document.activeElement)).toBe(true);
    await coverage.getByLabel('Which year counts toward the 20 visits').selectOption('calendar-year');
    await coverage.getByRole('button', { name: 'Save coverage settings' }).click();
    await card.getByText('Saved as version 1. Coverage answers and warnings use these settings from now on.').waitFor();
    await card.getByText(/^2 changed from the reference defaults\. Version 1/).waitFor();

    // Reload: both kept.
    await page.reload();
    card = await openAdmin(page);
    await card.getByText('In use: CDC 2016 (reference default: CDC 2022). Version 1.').waitFor();
    expect(await card.getByRole('radio', { name: /^CDC 2016/ }).isChecked()).toBe(true);
    expect(await card.getByLabel(WARN_LABEL).inputValue()).toBe('4');
    expect(await card.getByLabel('Which year counts toward the 20 visits').inputValue()).toBe('calendar-year');
    await expectAccessible(page);
    await card.scrollIntoViewIfNeeded();
    await shootCard(card, 'clinic-settings-03-saved');

    // The tab still on version 0 is told why it cannot save.
    await otherCard.getByLabel('Suggest bundling in-person visits at most this many days apart').fill('5');
    await otherCard.getByRole('button', { name: 'Save coverage settings' }).click();
    await otherCard.getByText(/Someone else changed the coverage settings after you opened this page\. Reload the page/).waitFor();
    await expectAccessible(other);
    await shootCard(otherCard, 'clinic-settings-04-stale');
    await other.close();

    // Phone width: the card fits 375 px.
    await page.setViewportSize(PHONE);
    await page.reload();
    card = await openAdmin(page);
    await card.scrollIntoViewIfNeeded();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'clinic-settings-05-phone');
    await shootCard(card, 'clinic-settings-06-phone-card');
    await page.setViewportSize(DESKTOP);
    await signOut(page);
    await page.close();
  }, 240_000);

  it('a prescriber sees the chosen factor set named on the MME panel', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await signIn(page, PRESCRIBER);
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByLabel('Name or MRN').fill('jensen');
    await page.getByRole('button', { name: /^search|find/i }).first().click();
    await page.getByRole('link', { name: /Jensen/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Jensen/ }).waitFor();
    await page.getByRole('link', { name: 'Medications and opioid safety' }).click();
    const mme = page.getByRole('region', { name: 'Daily morphine milligram equivalents (MME)' });
    await mme.getByText(/Factor set: .*2016/).waitFor();
    await expectAccessible(page);
    await shootCard(mme, 'clinic-settings-07-mme-cdc-2016');
    await signOut(page);
    await page.close();
  }, 120_000);
});
