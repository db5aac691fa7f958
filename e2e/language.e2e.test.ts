/**
 * Person-first language in the browser: typing a listed term in a note shows the alternative with its
 * source, the screen-reader text is there (live region + aria-describedby), the replace button replaces
 * the words in place, saving is not blocked; the clinic lead adds a clinic term on the Admin page (phone
 * width) and it is offered in another field. axe-core on every step; screenshots in
 * .test-artifacts/screenshots (language-*.png).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { DESKTOP, hasChromium, hasHorizontalScroll, PHONE, screenshot, SCREENSHOTS } from './support/browser';
import { expectAccessible, signIn as signInAt, signOut, type Journey, useJourney } from './support/journey';

let journey: Journey;
const signIn = (page: Page, email: string): Promise<void> => signInAt(page, journey.server.url, email);

describe.skipIf(!hasChromium)('person-first language in the browser', () => {
  journey = useJourney();

  it('a prescriber types a stigmatising term in a task note, sees the alternative, replaces it, and can still save', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await signIn(page, 'dr.okafor@riverbend.example');
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('link', { name: /Garcia/ }).first().click();
    await page.getByRole('heading', { name: /Maria Garcia/, level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Add a task' }).click();
    await page.getByLabel('What needs doing').fill('Call about physical therapy');
    const details = page.getByLabel('Details (optional)');
    await details.click();
    await details.pressSequentially('Patient refuses PT and seems drug-seeking.', { delay: 10 });

    await page.getByText(/consider/).first().waitFor();
    const hints = page.locator('.language-hints');
    await expect.poll(() => hints.locator('li').count()).toBe(2);
    expect(await hints.innerText()).toContain('declines');
    expect(await hints.innerText()).toContain('requesting pain relief');
    expect(await hints.innerText()).toMatch(/Source: .*Goddu 2018/);
    // Screen readers: a polite live region says how many, and the field is described by the list.
    const live = page.locator('[aria-live="polite"]').filter({ hasText: /person-first/ });
    expect(await live.innerText()).toMatch(/2 phrases could be written in person-first language/);
    const describedBy = (await details.getAttribute('aria-describedby')) ?? '';
    const hintsId = await hints.getAttribute('id');
    expect(describedBy.split(' ')).toContain(hintsId);
    expect(await details.getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(page);
    await screenshot(page, 'language-01-task-note-flagged');
    await page.locator('.add-task').screenshot({ path: path.join(SCREENSHOTS, 'language-01b-task-form-close-up.png') });

    await page.getByRole('button', { name: 'Replace “refuses” with “declines”' }).click();
    await expect.poll(() => details.inputValue()).toBe('Patient declines PT and seems drug-seeking.');
    await expect.poll(() => hints.locator('li').count()).toBe(1);
    expect(await live.innerText()).toMatch(/^1 phrase could be written/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('details');
    await expectAccessible(page);
    await screenshot(page, 'language-02-after-replace');
    await page.locator('.add-task').screenshot({ path: path.join(SCREENSHOTS, 'language-02b-task-form-close-up.png') });

    // Saving is never blocked, even with a term left in the note.
    await page.getByRole('button', { name: /^add task|save task|create task/i }).click();
    await page.getByText('Call about physical therapy').first().waitFor();
    await screenshot(page, 'language-03-saved-anyway');
    await signOut(page);
    await page.close();
  }, 180_000);

  it('the clinic lead adds a clinic term on a phone; it is then offered in the break-glass reason', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, 'dr.kowalski@riverbend.example');
    await page.getByRole('link', { name: /admin/i }).first().waitFor();
    await page.goto(`${journey.server.url}/admin`);
    await page.getByRole('heading', { name: 'Person-first language', level: 2 }).waitFor();
    await page.getByLabel('Phrase to flag').fill('frequent flyer');
    await page.getByLabel('Person-first alternative').fill('person who visits often');
    await page.getByLabel('Why (optional)').fill('Emergency department slang');
    await page.getByRole('button', { name: 'Add term' }).click();
    await page.getByText('Added “frequent flyer”.').waitFor();
    await page.getByRole('button', { name: 'Remove “frequent flyer”' }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'language-04-admin-clinic-term-phone');
    await page.locator('section[aria-labelledby="language-title"]').screenshot({ path: path.join(SCREENSHOTS, 'language-04b-admin-section-phone.png') });

    await page.goto(`${journey.server.url}/break-glass`);
    const reason = page.getByLabel('Why do you need this record now?');
    await reason.fill('Seen in the ED tonight as a frequent-flyer, need the medication list.');
    await page.getByText('person who visits often').first().waitFor();
    expect(await page.locator('.language-hints').innerText()).toContain('Added by your clinic: Emergency department slang');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'language-05-break-glass-clinic-term-phone');
    await page.close();
  }, 180_000);
});
