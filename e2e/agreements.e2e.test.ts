/**
 * Browser journeys of treatment agreements and concerns, clicked through as a person would, with axe-core
 * checks and screenshots (look at them: .test-artifacts/screenshots/agreements-*.png). In order:
 * the clinic lead sees the reading grade change live while editing the template; Dr. Okafor creates Maria
 * Garcia's agreement from the default template and sees its grade; Maria, on a 375 px phone, reads it and
 * asks a question; Dr. Okafor answers and signs; Maria reads the answer and signs; the review reminder is in
 * Dr. Okafor's inbox; the PDF prints (rendered to PNG with pdftoppm); a concern cannot close without a
 * conversation and a plan.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, hasChromium, hasHorizontalScroll, PHONE, screenshot, SCREENSHOTS } from './support/browser';
import { expectAccessible, signIn as signInAt, signOut, type Journey, useJourney } from './support/journey';

const PRESCRIBER = 'dr.okafor@riverbend.example'; // North team: Maria Garcia's care team
const CLINIC_LEAD = 'dr.kowalski@riverbend.example';
const PATIENT = 'maria.garcia@patients.example';
let journey: Journey;
let patientPath = '';

const signIn = (page: Page, email: string): Promise<void> => signInAt(page, journey.server.url, email);
const heading = (page: Page, name: string | RegExp): Promise<void> => page.getByRole('heading', { level: 1, name }).waitFor();

async function openMaria(page: Page): Promise<void> {
  await signIn(page, PRESCRIBER);
  await heading(page, 'Patients');
  if (patientPath === '') {
    await page.getByLabel('Name or MRN').fill('garc');
    await page.getByRole('button', { name: /^search|find/i }).first().click();
    await page.getByText(/1 patient/i).first().waitFor();
    await page.getByRole('link', { name: /Garcia/ }).first().click();
    await heading(page, /Maria Garcia/);
    patientPath = new URL(page.url()).pathname;
  } else {
    await page.goto(`${journey.server.url}${patientPath}`);
    await heading(page, /Maria Garcia/);
  }
}

describe.skipIf(!hasChromium)('treatment agreements and concerns in the browser', () => {
  journey = useJourney();

  it('clinic lead: the reading grade changes live while the template is edited', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await signIn(page, CLINIC_LEAD);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Open the agreement templates' }).click();
    await heading(page, 'Treatment agreement templates');
    await page.getByText(/^Reading grade \d+(\.\d)? \(target 6 or lower\)\.$/).first().waitFor();
    await page.getByRole('button', { name: /^Edit/ }).first().click();
    const grade = page.getByRole('status').filter({ hasText: /Reading grade/ });
    await grade.waitFor();
    expect(await grade.getAttribute('aria-live')).toBe('polite');
    const before = (await grade.textContent()) ?? '';
    expect(before).toMatch(/target 6 or lower\)\.$/);
    const body = page.getByLabel('Agreement text');
    await body.fill('Notwithstanding pharmacological contraindications, individualised multidisciplinary evaluation necessitates comprehensive documentation of {{goals}} before {{reviewDate}}.');
    await expect.poll(async () => grade.textContent()).toMatch(/above the target/);
    expect(await grade.textContent()).not.toBe(before);
    await expectAccessible(page);
    await screenshot(page, 'agreements-01-template-grade-live');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await signOut(page);
    await page.close();
  }, 240_000);

  it('prescriber: creates the agreement from the template and sees its grade and the goals', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await openMaria(page);
    await page.getByRole('navigation', { name: 'More about this person' }).getByRole('link', { name: 'Treatment agreement' }).click();
    await heading(page, /Treatment agreement: Maria Garcia/);
    await page.getByRole('heading', { name: 'Start an agreement' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Pharmacy (optional)').fill('Riverbend Pharmacy on Main');
    await page.getByRole('button', { name: 'Create agreement' }).click();
    await page.getByText('Agreement created.').waitFor();
    await page.getByRole('heading', { name: /Version 1: Waiting for both signatures/ }).waitFor();
    const gradeText = (await page.getByTestId('reading-grade').first().textContent()) ?? '';
    const grade = Number(/Reading grade ([\d.]+)/.exec(gradeText)?.[1]);
    expect(grade).toBeLessThanOrEqual(6);
    await page.getByRole('heading', { name: 'Your goals' }).waitFor();
    await page.getByText('Riverbend Pharmacy on Main').waitFor();
    // Maria has a care plan: the agreement names its goals, each with its target date.
    await page.getByText(/Goals come from the care plan\./).waitFor();
    await page.getByText(/Lift my granddaughter without pain the next day \(by [A-Z][a-z]+ \d{1,2}, \d{4}\)/).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agreements-02-prescriber-created');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('patient on a 375 px phone: reads the agreement and asks a question', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, PATIENT);
    await page.waitForURL(/\/me/);
    await page.getByRole('link', { name: 'Read your agreement, ask a question, or sign' }).click();
    await heading(page, 'My treatment agreement');
    // Screen-reader friendly: one heading per section of the text.
    for (const section of ['Your goals', 'What we will do', 'What you will do', 'How refills work', 'Checks we do, and why', 'If something unexpected happens', 'When we will look at this again']) {
      await page.getByRole('heading', { level: 3, name: section }).waitFor();
    }
    const size = await page.locator('.agreement-text--large p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    expect(await page.getByRole('button', { name: 'Sign the agreement' }).isDisabled()).toBe(true);
    await page.getByLabel('Your question').fill('Can my sister pick up my medicine at the pharmacy?');
    await page.getByRole('button', { name: 'Send question' }).click();
    await page.getByText('Your question was sent to your care team.').waitFor();
    await page.getByText(/Not answered yet/).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'agreements-03-phone-question');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('prescriber: answers the question and signs; the review reminder is in the inbox', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await openMaria(page);
    await page.goto(`${journey.server.url}${patientPath}/agreement`);
    await heading(page, /Treatment agreement: Maria Garcia/);
    await page.getByText('Can my sister pick up my medicine at the pharmacy?').waitFor();
    await page.getByRole('textbox', { name: 'Answer', exact: true }).fill('Yes. Tell the pharmacy her name, and she brings her photo ID.');
    await page.getByRole('button', { name: 'Save answer' }).click();
    await page.getByText('Answer saved.').waitFor();
    await page.getByRole('button', { name: 'Sign as clinician' }).click();
    await page.getByText('You signed this version.').waitFor();
    await page.getByRole('heading', { name: /Waiting for the patient's signature/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agreements-04-prescriber-answered-signed');

    await page.getByRole('link', { name: 'Inbox' }).click();
    await heading(page, 'Inbox');
    const reminder = page.getByRole('listitem').filter({ hasText: 'Review the treatment agreement together' }).filter({ hasText: /Garcia/ });
    await reminder.first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agreements-05-inbox-review-reminder');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('patient on a 375 px phone: reads the answer and signs', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, PATIENT);
    await page.waitForURL(/\/me/);
    await page.goto(`${journey.server.url}/me/agreement`);
    await heading(page, 'My treatment agreement');
    await page.getByText('Yes. Tell the pharmacy her name, and she brings her photo ID.').waitFor();
    await page.getByLabel('I have read this agreement and had the chance to ask questions.').check();
    await page.getByRole('button', { name: 'Sign the agreement' }).click();
    await page.getByText('Thank you. You signed the agreement.').waitFor();
    await page.getByText(/You signed version 1 on/).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'agreements-06-phone-signed');

    // The printable copy: render the PDF to PNG to look at it.
    const href = (await page.getByRole('link', { name: /Print or save a copy/ }).getAttribute('href')) ?? '';
    const res = await page.request.get(`${journey.server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    const pdf = path.join(SCREENSHOTS, 'agreements-07-pdf.pdf');
    writeFileSync(pdf, await res.body());
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(SCREENSHOTS, 'agreements-07-pdf')]);
      expect(existsSync(path.join(SCREENSHOTS, 'agreements-07-pdf-1.png'))).toBe(true);
    }
    await signOut(page);
    await page.close();
  }, 240_000);

  it('prescriber: a concern cannot close without a conversation and a plan', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await openMaria(page);
    const section = page.getByRole('region', { name: 'Concerns' });
    await section.getByLabel('What happened').selectOption({ label: 'Early refill request' });
    await section.getByLabel("Details, in the person's words where you can").fill('Asked for her refill five days early; she reports a flare after a long shift.');
    await section.getByRole('button', { name: 'Record concern' }).click();
    await section.getByText('Concern recorded.').waitFor();
    const item = section.getByRole('listitem').filter({ hasText: 'Early refill request' }).first();
    await item.getByRole('button', { name: 'Close concern' }).click();
    const alert = item.getByText(/cannot close yet/);
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/conversation/);
    expect(await alert.textContent()).toMatch(/plan/);
    await expectAccessible(page);
    await screenshot(page, 'agreements-08-concern-cannot-close');

    await item.getByLabel('Who took part').fill('Maria Garcia and Dr. Okafor');
    await item.getByLabel('What you talked about').fill('Talked about the flare after long shifts and how she spreads her doses.');
    await item.getByRole('button', { name: 'Save conversation' }).click();
    await section.getByText('Conversation saved.').waitFor();
    const again = section.getByRole('listitem').filter({ hasText: 'Early refill request' }).first();
    await again.getByRole('checkbox', { name: 'More frequent visits for a while' }).check();
    await again.getByRole('checkbox', { name: /Pharmacy support/ }).check();
    await again.getByLabel('Plan details').fill('Visits every two weeks for a month; heat and pacing plan for long shifts.');
    await again.getByRole('button', { name: 'Save plan' }).click();
    await section.getByText('Plan saved.').waitFor();
    const ready = section.getByRole('listitem').filter({ hasText: 'Early refill request' }).first();
    await ready.getByRole('button', { name: 'Close concern' }).click();
    await section.getByText('Concern closed.').waitFor();
    await section.getByRole('listitem').filter({ hasText: 'Early refill request' }).first().getByText('Closed', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agreements-09-concern-closed');
    await signOut(page);
    await page.close();
  }, 240_000);
});
