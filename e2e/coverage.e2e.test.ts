/**
 * Browser journeys of coverage and appointments, clicked through as a person would, with axe-core checks
 * and screenshots (look at them: .test-artifacts/screenshots/coverage-*.png). In order: Jordan Whitehorse
 * (care coordinator) opens Lan Nguyen's Coverage & visits page from her record, sees the warnings (18 of 20
 * physical therapy visits used, the authorisation ending), books one more visit and sees its coverage
 * warning, then checks the page at 375 px; Maria Garcia, on a phone, downloads her calendar file from the
 * portal and the file holds her booked visits in RFC 5545 form.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, hasChromium, hasHorizontalScroll, PHONE, screenshot, SCREENSHOTS } from './support/browser';
import { expectAccessible, signIn as signInAt, signOut, type Journey, useJourney } from './support/journey';
import { readIcs } from '../test/support/ics-reader';

const COORDINATOR = 'jordan.whitehorse@riverbend.example';
const PATIENT = 'maria.garcia@patients.example';
const CLINIC_LEAD = 'dr.kowalski@riverbend.example';
let journey: Journey;

const signIn = (page: Page, email: string): Promise<void> => signInAt(page, journey.server.url, email);

function localDay(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe.skipIf(!hasChromium)('coverage and appointments in the browser', () => {
  journey = useJourney();

  it('a coordinator sees visits near the cap, books one more visit and is warned before the cap', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await signIn(page, COORDINATOR);
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByLabel('Name or MRN').fill('nguyen');
    await page.getByRole('button', { name: /^search|find/i }).first().click();
    await page.getByRole('link', { name: /Nguyen/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Lan Nguyen/ }).waitFor();
    await page.getByRole('link', { name: 'Coverage, visits and appointments' }).click();
    await page.getByRole('heading', { level: 1, name: /Coverage & visits: Lan Nguyen/ }).waitFor();

    const warnings = page.getByRole('region', { name: 'Coverage warnings' });
    await warnings.getByText(/2 of 20 covered visits in any 365 days remain/).waitFor();
    await warnings.getByText(/The authorisation ends on .* \(in 10 days\)/).waitFor();
    const rules = page.getByRole('region', { name: 'Benefits and visits counted' });
    await rules.getByText('18 of 20 used').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coverage-01-warnings');

    // Book one more physical therapy visit in four days.
    const appts = page.getByRole('region', { name: 'Appointments' });
    await appts.getByText('Book a visit').click();
    const form = appts.getByRole('form', { name: 'Book a visit' });
    await form.getByLabel('Kind of visit').selectOption('physical-therapy');
    await form.getByLabel('With (provider)').fill('Jordan Ellis, PT');
    await form.getByLabel('Place').fill('Riverbend clinic gym');
    await form.getByLabel('Date').fill(localDay(4));
    await form.getByLabel(/^Time/).fill('10:30');
    await form.getByRole('button', { name: 'Book visit' }).click();
    await appts.getByText(/^Booked: Physical therapy/).waitFor();
    // Two booked visits: the first (visit 19) leaves one covered visit; the new one is visit 20, the last.
    await appts.getByText('1 covered visit remains after this one.', { exact: false }).waitFor();
    const booked = appts.locator('li', { hasText: 'Riverbend clinic gym' });
    await booked.getByText(/This is the last covered visit in this period/).waitFor();
    await booked.getByText('Why').click();
    await booked.getByText(/Visit 20 of 20 covered in any 365 days/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coverage-02-booked-visit-warning');

    // The prior authorisation with its dated history.
    const auths = page.getByRole('region', { name: 'Prior authorisations' });
    await auths.getByText(/requested by/i).first().waitFor();
    await auths.getByText(/approved by/i).first().waitFor();

    // Phone width: the same page fits 375 px.
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('region', { name: 'Coverage warnings' }).waitFor();
    await page.getByRole('region', { name: 'Appointments' }).getByRole('heading', { name: 'Booked' }).waitFor();
    await screenshot(page, 'coverage-03-phone');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);

    // Maria Garcia: Medicare acupuncture under NCD 30.3.3, the next visit is visit 11 of the first 12.
    await page.setViewportSize(DESKTOP);
    await page.goto(`${journey.server.url}/patients`);
    await page.getByLabel('Name or MRN').fill('garc');
    await page.getByRole('button', { name: /^search|find/i }).first().click();
    await page.getByRole('link', { name: /Garcia/ }).first().click();
    await page.getByRole('link', { name: 'Coverage, visits and appointments' }).click();
    await page.getByRole('region', { name: 'Coverage warnings' }).getByText(/2 of the first 12 visits in 90 days remain/).waitFor();
    const ncd = page.getByRole('region', { name: 'Benefits and visits counted' });
    await ncd.getByText('visit 11', { exact: true }).waitFor();
    await ncd.getByText(/Visit 11 of 12 in the 90 days/).waitFor();
    await ncd.getByText(/year window rolling-365-days, 90 days anchored on first-visit/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coverage-07-ncd-acupuncture');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('a patient on a phone downloads the calendar file with her booked visits', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, PATIENT);
    await page.waitForURL(/\/me/);
    const visits = page.getByRole('region', { name: 'Your next visits' });
    await visits.getByText('Acupuncture').first().waitFor();
    await visits.getByText(/By video \(telehealth\)/).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await visits.scrollIntoViewIfNeeded();
    await screenshot(page, 'coverage-04-portal-visits');
    await visits.screenshot({ path: path.join(SCREENSHOTS, 'coverage-05-portal-visits-section.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), visits.getByRole('link', { name: 'Add to my calendar' }).click()]);
    expect(download.suggestedFilename()).toBe('painpath-appointments.ics');
    const file = await download.path();
    const ics = readIcs(readFileSync(file, 'utf8'));
    expect(ics.problems).toEqual([]);
    expect(ics.properties[0]).toEqual({ name: 'BEGIN', value: 'VCALENDAR' });
    const summaries = ics.events.map((e) => e.SUMMARY).sort();
    expect(summaries).toEqual(['Acupuncture with Dr. Helen Park (acupuncture)', 'Pain medicine with Dr. Samuel Okafor', 'Physical therapy with Jordan Ellis\\, PT']);
    for (const e of ics.events) {
      expect(e.DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
      expect(e.UID).toMatch(/@painpath$/);
      expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    }
    expect(ics.events.find((e) => e.SUMMARY?.startsWith('Pain medicine'))?.LOCATION).toBe('Telehealth');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('a clinic lead reads the payers and plans and adds a benefit rule', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await signIn(page, CLINIC_LEAD);
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.goto(`${journey.server.url}/coverage/plans`);
    await page.getByRole('heading', { level: 1, name: 'Payers, plans and benefit rules' }).waitFor();
    const medicare = page.getByRole('region', { name: /^Medicare/ });
    await medicare.getByText(/Acupuncture: Medicare NCD 30\.3\.3/).waitFor();
    const summit = page.getByRole('region', { name: /Summit Mutual Health/ });
    await summit.getByText('Add a benefit rule').click();
    const form = summit.getByRole('form', { name: 'Add a benefit rule' });
    await form.getByLabel('Service').selectOption('occupational-therapy');
    await form.getByLabel('Visits allowed').fill('10');
    await form.getByLabel('Per').selectOption('calendar-year');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await page.getByText('Rule added for occupational therapy.').waitFor();
    await summit.getByText(/Occupational therapy: 10 visits per calendar year/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coverage-06-plans');
    await signOut(page);
    await page.close();
  }, 240_000);
});
