/**
 * Browser journey of "My medicines" in the portal, on a phone (375 px), with axe-core checks and screenshots
 * (look at them: .test-artifacts/screenshots/my-medicines-*.png). Dmitri Volkov (demo patient on a slow
 * oxycodone taper, with naloxone) signs in and reads his medicines, what naloxone is for, and the next step
 * of his taper; Maria Garcia, with no medicines on the list, is told so plainly. Ruth Harper, a caregiver whose consent from Evelyn Harper does not include medicines, sees a
 * quiet "not shared" line on Evelyn's page instead of the list.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { hasChromium, hasHorizontalScroll, PHONE, screenshot, SCREENSHOTS } from './support/browser';
import { expectAccessible, signIn, signOut, type Journey, useJourney } from './support/journey';

let journey: Journey;

describe.skipIf(!hasChromium)('my medicines in the portal', () => {
  journey = useJourney();

  it('a patient on a phone reads their medicines, what naloxone is for, and the next step of their taper', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, journey.server.url, 'dmitri.volkov@patients.example');
    await page.waitForURL(/\/me/);
    await page.getByRole('heading', { level: 1, name: /Dmitri/ }).waitFor();
    const card = page.getByRole('region', { name: 'My medicines' });
    await card.getByRole('heading', { level: 3, name: 'Oxycodone 5 mg tablet' }).waitFor();
    await card.getByRole('heading', { level: 3, name: 'Naloxone 4 mg spray' }).waitFor();
    await card.getByText('Naloxone is a rescue medicine.', { exact: false }).waitFor();
    await card.getByText('Prescribed by').first().waitFor();
    await card.getByRole('heading', { level: 3, name: 'Your plan to lower the dose' }).waitFor();
    const steps = card.getByRole('list', { name: 'Your plan to lower the dose' }).getByRole('listitem');
    await steps.first().getByText(/^Now \(since /).waitFor();
    expect(await steps.count()).toBeGreaterThan(1);
    expect(await steps.nth(1).textContent()).toMatch(/^From .*Oxycodone \d+ mg a day in all\.$/);
    await card.getByText('If something here is wrong, tell your care team.').waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).not.toMatch(/MME|risk/i);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(SCREENSHOTS, 'my-medicines-01-phone-card.png') });
    await screenshot(page, 'my-medicines-02-phone-own-page');
    await signOut(page);
    await page.close();
  });

  it('a patient with no medicines on the list sees it said plainly', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, journey.server.url, 'maria.garcia@patients.example');
    await page.waitForURL(/\/me/);
    const card = page.getByRole('region', { name: 'My medicines' });
    await card.getByText('No medicines are on your list.').waitFor();
    await card.getByText('If something here is wrong, tell your care team.').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(SCREENSHOTS, 'my-medicines-04-phone-empty.png') });
    await signOut(page);
    await page.close();
  });

  it('a caregiver without the medications consent sees that the list is not shared', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, journey.server.url, 'ruth.harper@family.example');
    await page.getByRole('link', { name: /Evelyn/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Evelyn/ }).waitFor();
    const card = page.getByRole('region', { name: 'Their medicines' });
    await card.getByText('This list is not shared with you.').waitFor();
    expect(await card.getByRole('listitem').count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(SCREENSHOTS, 'my-medicines-03-phone-caregiver-not-shared.png') });
    await signOut(page);
    await page.close();
  });
});
