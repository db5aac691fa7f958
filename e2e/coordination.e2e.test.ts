/**
 * Browser journeys of care coordination, clicked through as a person would, with axe-core checks and
 * screenshots (look at them: .test-artifacts/screenshots/coordination-*.png). In order: Jordan Whitehorse
 * (care coordinator) sends Lan Nguyen a physical therapy referral — the form asks for a bridge plan because
 * the service has a wait — then records it scheduled and seen; Lan, on a phone, sees her coordinator and the
 * bridge plan in plain words; the coordinator's workspace shows what is waiting on whom (desktop and
 * 375 px); the team huddle lists who is due and turns a decision into a task with an owner.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, hasChromium, hasHorizontalScroll, PHONE, screenshot } from './support/browser';
import { expectAccessible, signIn as signInAt, signOut, type Journey, useJourney } from './support/journey';

const COORDINATOR = 'jordan.whitehorse@riverbend.example';
const PATIENT = 'lan.nguyen@patients.example';
let journey: Journey;
let lanPath = '';

const signIn = (page: Page, email: string): Promise<void> => signInAt(page, journey.server.url, email);

function isoDay(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe.skipIf(!hasChromium)('care coordination in the browser', () => {
  journey = useJourney();

  it('the coordinator sends a referral with a bridge plan, then records it scheduled and seen', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await signIn(page, COORDINATOR);
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByLabel('Name or MRN').fill('nguyen');
    await page.getByRole('button', { name: /^search|find/i }).first().click();
    await page.getByRole('link', { name: /Nguyen/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Lan Nguyen/ }).waitFor();
    lanPath = new URL(page.url()).pathname;
    const contact = page.getByRole('complementary', { name: 'Care coordinator' });
    await contact.getByRole('link', { name: 'Email Jordan Whitehorse' }).waitFor();

    const section = page.getByRole('region', { name: 'Referrals' });
    await section.getByRole('button', { name: 'Send a referral' }).click();
    const form = page.getByRole('form', { name: 'Send a referral' });
    await form.getByLabel('Service', { exact: true }).selectOption('physical-therapy');
    await form.getByText(/Expected wait for physical therapy:\s*21 days/).waitFor();
    await form.getByLabel('Receiving clinic or clinician (optional)').fill('Riverside Physical Therapy');
    await form.getByLabel('Reason for referral').fill('Neck and shoulder pain for 8 months; sitting at work is hard.');
    await form.getByLabel('The question the service should answer').fill('What exercise plan lets Lan sit through a 2-hour shift?');
    await form.getByRole('button', { name: 'Send referral' }).click();
    await form.getByText('Add at least one thing to do while waiting.').waitFor();
    await form.getByText('Say when to call the care team.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordination-01-bridge-plan-required');

    await form.getByLabel('Moving (walking plan, exercises)').fill('Walk 10 minutes at lunch. Shoulder rolls every hour at work.');
    await form.getByLabel('Sleep routine').fill('Same bedtime every night; a pillow under your arm.');
    await form.getByLabel('Call us if…').fill('your arm goes numb or weak, or the pain stops you working.');
    await form.getByRole('button', { name: 'Send referral' }).click();
    await section.getByText(/Referral to physical therapy sent/).waitFor();
    const card = section.getByRole('article', { name: /Physical therapy/ });
    await card.getByText('Until physical therapy starts').waitFor();
    await card.getByText(/waiting for the service to accept/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordination-02-referral-sent');

    await card.getByRole('button', { name: 'Record scheduled for Physical therapy' }).click();
    const sched = page.getByRole('form', { name: /Record scheduled: Physical therapy/ });
    await sched.getByLabel('Date of the first visit').fill(isoDay(0));
    await sched.getByRole('button', { name: 'Save' }).click();
    await section.getByText(/Physical therapy: scheduled recorded/).waitFor();
    await card.getByText(/waiting for the first visit/).waitFor();

    await card.getByRole('button', { name: 'Record seen for Physical therapy' }).click();
    const seen = page.getByRole('form', { name: /Record seen: Physical therapy/ });
    await seen.getByRole('button', { name: 'Save' }).click();
    await section.getByText(/Physical therapy: seen recorded/).waitFor();
    const steps = card.getByRole('list', { name: /Steps of the Physical therapy referral/ });
    expect(await steps.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^Sent /), expect.stringMatching(/^Scheduled .*\(visit/), expect.stringMatching(/^Seen /)]);
    await card.getByText(/waiting for the report/).waitFor();
    await expectAccessible(page);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'coordination-03-referral-seen');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('the patient sees her coordinator and the bridge plan in plain words on a phone', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, PATIENT);
    await page.waitForURL(/\/me/);
    await page.getByRole('complementary', { name: 'Care coordinator' }).getByRole('link', { name: 'Email Jordan Whitehorse' }).waitFor();
    const mine = page.getByRole('region', { name: 'Where we sent you' });
    const pt = mine.getByRole('article', { name: 'Physical therapy' });
    await pt.getByText('You had your first visit. We are waiting for their notes.').waitFor();
    await pt.getByText('Until physical therapy starts').waitFor();
    await pt.getByText(/your arm goes numb or weak/).waitFor();
    expect(await mine.getByText(/Behavioural health/).count()).toBe(1);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await pt.scrollIntoViewIfNeeded();
    await screenshot(page, 'coordination-04-phone-portal-bridge-plan');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('the workspace shows what is waiting on whom, on a desktop and at 375 px', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await signIn(page, COORDINATOR);
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coordination' }).click();
    await page.getByRole('heading', { name: 'Coordination', level: 1 }).waitFor();
    const lan = page.getByRole('region', { name: /Lan Nguyen/ });
    await lan.getByText(/Physical therapy: seen, waiting for the report/).waitFor();
    await lan.getByText(/waiting on Riverside Physical Therapy/).first().waitFor();
    const denise = page.getByRole('region', { name: /Denise Washington/ });
    await denise.getByText(/Pain medicine: sent, waiting for the service to accept/).waitFor();
    await denise.getByText(/Referral · overdue/).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordination-05-workspace');
    await page.setViewportSize(PHONE);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'coordination-06-phone-workspace');
    await page.goto(`${journey.server.url}${lanPath}`);
    await page.getByRole('heading', { level: 1, name: /Lan Nguyen/ }).waitFor();
    await page.getByRole('region', { name: 'Referrals' }).getByRole('article', { name: /Physical therapy/ }).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await page.getByRole('region', { name: 'Referrals' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'coordination-07-phone-patient-referrals');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('the huddle lists who is due and turns a decision into a task with an owner', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await signIn(page, COORDINATOR);
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Huddle' }).click();
    await page.getByRole('heading', { name: 'Huddle', level: 1 }).waitFor();
    const due = page.getByRole('region', { name: 'Due for discussion' });
    await due.getByText(/Pain medicine: acceptance, \d+ days overdue/).waitFor();
    // Raymond Cruz's open concern (a missed visit, talked through, no plan yet): its kind and age, never its words.
    const raymond = due.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Raymond Cruz' }) });
    await raymond.getByText('Open concern', { exact: true }).waitFor();
    await raymond.getByText(/Missed visit \([^)]*\d{4}\), open 3 days; still needed: a plan\./).waitFor();
    // Dates in the reasons are written the way the rest of the page writes them, never as YYYY-MM-DD.
    expect(await due.getByText(/\d{4}-\d{2}-\d{2}/).count()).toBe(0);
    expect(await due.getByText(/truck broke down/).count()).toBe(0);
    await raymond.scrollIntoViewIfNeeded();
    await screenshot(page, 'coordination-07b-huddle-concern');
    await page.getByRole('form', { name: 'Start a huddle' }).getByRole('button', { name: 'Start huddle' }).click();
    await page.getByRole('heading', { level: 2, name: /^Team huddle/ }).waitFor();
    await due.getByRole('button', { name: 'Add a note for Denise Washington' }).click();
    const form = page.getByRole('form', { name: 'Huddle note for Denise Washington' });
    await form.getByLabel('Note for Denise Washington').fill('Still no answer from pain medicine. Keep the chair exercises; ask about telehealth.');
    await form.getByLabel('What was decided').fill('Call Valley Pain Medicine about a telehealth first visit');
    await form.getByLabel('Due (optional)').fill(isoDay(3));
    await form.getByRole('button', { name: 'Save note and tasks' }).click();
    const notes = page.getByRole('region', { name: 'Notes and decisions' });
    await notes.getByText(/Call Valley Pain Medicine about a telehealth first visit — Jordan Whitehorse/).waitFor();
    await notes.getByText('Task · open').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordination-08-huddle');
    await page.setViewportSize(PHONE);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'coordination-09-phone-huddle');
    await signOut(page);
    await page.close();
  }, 240_000);
});
