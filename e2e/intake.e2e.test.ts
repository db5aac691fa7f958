/**
 * Browser journeys of the intake, outcome measures and pre-visit summary, clicked through as a person
 * would, with axe-core checks and screenshots (look at them: .test-artifacts/screenshots/intake-*.png).
 * The journeys build on each other, in order: the care team sends the intake; Maria Garcia fills it in on
 * a phone (reload mid-way, PHQ-2 positive → PHQ-9, item 9 → crisis panel) and sends it; her team sends a
 * PEG again and she answers it from her to-do list; Dr. Okafor (North team, her care team) reads the
 * safety task, the summary, the trajectory and the PDF; the clinic lead sees the intake sections and licences.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { DESKTOP, hasChromium, hasHorizontalScroll, PHONE, screenshot, SCREENSHOTS } from './support/browser';
import { expectAccessible, signIn as signInAt, signOut, type Journey, useJourney } from './support/journey';

const signIn = (page: Page, email: string): Promise<void> => signInAt(page, journey.server.url, email);

const CLINICIAN = 'dr.okafor@riverbend.example'; // prescriber on the North team, Maria Garcia's care team
const CLINIC_LEAD = 'dr.kowalski@riverbend.example';
const PATIENT = 'maria.garcia@patients.example';
let journey: Journey;
let patientPath = '';

async function expectFitsPhone(page: Page): Promise<void> {
  expect(await hasHorizontalScroll(page)).toBe(false);
}

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Waits until the progress line says "Step <step> of N" and returns N. */
async function stepIs(page: Page, step: number): Promise<number> {
  const line = page.getByText(new RegExp(`^Step ${step} of \\d+$`));
  await line.waitFor();
  const m = /Step (\d+) of (\d+)/.exec((await line.textContent()) ?? '');
  expect(Number(m?.[1])).toBe(step);
  return Number(m?.[2]);
}

async function saveAndContinue(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save and continue' }).click();
}

/** Answers every question of an instrument page, one screen at a time, with the same choice. */
async function answerEach(page: Page, choice: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await page.getByText(`Question ${i + 1} of ${count}`, { exact: true }).waitFor();
    await page.getByRole('radio', { name: choice, exact: true }).check();
    if (i < count - 1) await page.getByRole('button', { name: 'Next question' }).click();
  }
  await saveAndContinue(page);
}

/** Staff: open Maria Garcia's record from the patient list. */
async function openMaria(page: Page): Promise<void> {
  await signIn(page, CLINICIAN);
  await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
  if (patientPath !== '') {
    await page.goto(`${journey.server.url}${patientPath}`);
  } else {
    await page.getByLabel('Name or MRN').fill('garc');
    await page.getByRole('button', { name: /^search|find/i }).first().click();
    await page.getByText(/1 patient/i).first().waitFor();
    await page.getByRole('link', { name: /Garcia/ }).first().click();
  }
  await heading(page, /Maria Garcia/);
  patientPath = new URL(page.url()).pathname;
}

describe.skipIf(!hasChromium)('intake, measures and pre-visit summary in the browser', () => {
  journey = useJourney();

  it('staff sends the intake from the patient page', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await openMaria(page);
    const before = page.getByRole('region', { name: 'Before this visit' });
    await before.getByText(/no intake sent yet|intake filled in and sent back/i).waitFor();
    await before.getByRole('button', { name: 'Send the intake' }).click();
    await before.getByText(/intake sent\. the patient sees it/i).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'intake-01-staff-sent-intake');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('patient on a phone: fills the intake page by page, resumes after a reload, sees the crisis panel, and sends it', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, PATIENT);
    await page.waitForURL(/\/me/);
    const todo = page.getByRole('region', { name: 'To do' });
    await todo.getByRole('link', { name: 'Tell us about your pain' }).waitFor();
    await expectFitsPhone(page);
    await expectAccessible(page);
    await screenshot(page, 'intake-02-phone-todo');
    await todo.getByRole('link', { name: 'Tell us about your pain' }).click();

    // 1. Onset
    await heading(page, 'When your pain started');
    const total = await stepIs(page, 1);
    expect(total).toBeGreaterThanOrEqual(10);
    await page.getByLabel('Month').selectOption({ label: 'March' });
    await page.getByLabel('Year').fill('2023');
    await page.getByLabel(/About — I am not sure/).check();
    await page.getByLabel(/How did it start/).fill('Lifting a client at work.');
    await expectFitsPhone(page);
    await expectAccessible(page);
    await screenshot(page, 'intake-03-phone-onset');
    await saveAndContinue(page);

    // 2. Body map: the checkboxes are the control; the figure is decorative.
    await heading(page, 'Where you feel pain');
    await stepIs(page, 2);
    await page.getByRole('group', { name: 'Back of your body' }).getByRole('checkbox', { name: 'Lower back' }).check();
    await page.getByRole('group', { name: 'Back of your body' }).getByRole('checkbox', { name: 'Left buttock' }).check();
    await page.getByRole('group', { name: 'Front of your body' }).getByRole('checkbox', { name: 'Right hip' }).check();
    expect(await page.locator('.body-region--on').count()).toBe(3);
    expect(await page.locator('svg.body-figure').first().getAttribute('aria-hidden')).toBe('true');
    await expectFitsPhone(page);
    await expectAccessible(page);
    await screenshot(page, 'intake-04-phone-body-map');
    await saveAndContinue(page);

    // 3. What it feels like
    await heading(page, 'What your pain feels like');
    await page.getByRole('checkbox', { name: 'Aching' }).check();
    await page.getByRole('checkbox', { name: 'Burning' }).check();
    await page.getByLabel('What makes the pain worse?').fill('Long shifts and lifting.');
    await page.getByLabel('What makes the pain better?').fill('Walking and heat.');

    // "Save and finish later" saves this page and goes back to My page; the to-do picks up where it stopped.
    await page.getByRole('button', { name: 'Save and finish later' }).click();
    await page.waitForURL(/\/me$/);
    await todo.getByText(/your answers are saved/i).waitFor();
    await todo.getByRole('link', { name: 'Keep telling us about your pain' }).click();

    // 4. Impact — then reload mid-way: the intake resumes here too.
    await heading(page, 'How pain affects your life');
    await stepIs(page, 4);
    await page.reload();
    await heading(page, 'How pain affects your life');
    await stepIs(page, 4);
    for (const [area, value] of [['Sleep', '7'], ['Your mood', '5'], ['Work or jobs at home', '8'], ['Time with family and friends', '4'], ['Moving around', '6']] as const) {
      await page.getByRole('group', { name: area }).getByRole('radio', { name: value, exact: true }).check();
    }
    await expectFitsPhone(page);
    await expectAccessible(page);
    await screenshot(page, 'intake-05-phone-impact-after-reload');
    await saveAndContinue(page);

    // 5. What was tried: a row with no name gets the server's error in place, and focus goes to it.
    await heading(page, 'What you have tried');
    await page.getByRole('button', { name: 'Add something you tried' }).click();
    await page.getByRole('group', { name: 'Thing 1 you tried' }).getByRole('radio', { name: 'A little' }).check();
    await saveAndContinue(page);
    const alert = page.getByRole('alert').filter({ hasText: 'Write what you tried' });
    await alert.waitFor();
    const nameField = page.getByLabel('What did you try?');
    await expect.poll(async () => nameField.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await nameField.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'intake-06-phone-error-in-place');
    await nameField.fill('Heat pads');
    await page.getByLabel(/side effects/).fill('None');
    await saveAndContinue(page);

    // 6. Worries and hopes
    await heading(page, 'Your worries and hopes');
    await page.getByLabel('What worries you most about your pain?').fill('That I will lose my job.');
    await page.getByLabel('What do you hope to be able to do again?').fill('Lift my granddaughter.');
    await saveAndContinue(page);

    // 7. PEG: one question per screen, 0–10 with visible numbers.
    await heading(page, 'Your pain and your life');
    await page.getByText('Question 1 of 3', { exact: true }).waitFor();
    await expectFitsPhone(page);
    await expectAccessible(page);
    await screenshot(page, 'intake-07-phone-peg-question');
    for (const [i, value] of ['7', '6', '7'].entries()) {
      await page.getByText(`Question ${i + 1} of 3`, { exact: true }).waitFor();
      await page.getByRole('radio', { name: value, exact: true }).check();
      await page.getByRole('button', { name: i < 2 ? 'Next question' : 'Save and continue' }).click();
    }

    // 8. PHQ-2 positive (2 + 2) → the PHQ-9 is added; its first two answers are carried over.
    await page.getByText('Question 1 of 2', { exact: true }).waitFor();
    const before = await stepIs(page, 8);
    await answerEach(page, 'More than half the days', 2);
    await heading(page, 'More about your mood');
    const after = await stepIs(page, 9);
    expect(after).toBe(before + 1);
    await page.getByText(/you already answered the first 2 questions/i).waitFor();
    await answerEach(page, 'Several days', 7); // items 3–9; item 9 = "Several days"

    // The crisis panel: calm, prominent, 988 by call or text, 911, care team told — and the person goes on.
    const panel = page.getByRole('region', { name: 'Help is here, any time' });
    await panel.waitFor();
    expect(await panel.getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    expect(await panel.getByRole('link', { name: 'Text 988' }).getAttribute('href')).toBe('sms:988');
    expect(await panel.getByRole('link', { name: '911' }).getAttribute('href')).toBe('tel:911');
    await panel.getByText(/care team/i).first().waitFor();
    await page.getByRole('button', { name: 'Next question' }).waitFor();
    await expectFitsPhone(page);
    await expectAccessible(page);
    await screenshot(page, 'intake-08-phone-crisis-panel');

    // 10. GAD-7 — from the next screen on, the panel is short, and help stays one tap away.
    await page.getByRole('radio', { name: 'Several days', exact: true }).check();
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByText('Question 2 of 7', { exact: true }).waitFor();
    expect(await page.locator('.crisis-panel--compact').getByRole('link', { name: 'Call 988' }).getAttribute('href')).toBe('tel:988');
    await page.getByRole('button', { name: 'Back' }).click();
    await answerEach(page, 'Several days', 7);

    // 11. PSFS: an activity and its 0–10 rating.
    await heading(page, 'Things you want to do again');
    await page.getByLabel('What is the activity?').fill('Lift my granddaughter');
    await page.getByRole('group', { name: 'How well can you do it now?' }).getByRole('radio', { name: '3', exact: true }).check();
    await expectFitsPhone(page);
    await expectAccessible(page);
    await screenshot(page, 'intake-09-phone-psfs');
    await saveAndContinue(page);

    // 12. STarT Back (lower back was marked), then 13. the red-flag questions, a few at a time.
    await heading(page, 'Your back pain');
    for (let i = 0; i < 9; i += 1) {
      await page.getByText(`Question ${i + 1} of 9`, { exact: true }).waitFor();
      await page.getByRole('radio', { name: i < 8 ? 'Disagree' : 'Moderately', exact: true }).check();
      await page.getByRole('button', { name: i < 8 ? 'Next question' : 'Save and continue' }).click();
    }
    await heading(page, 'A few safety questions');
    await stepIs(page, 13);
    for (let part = 1; ; part += 1) {
      const label = await page.getByText(/^Part \d+ of \d+$/).textContent();
      const [, , count] = /Part (\d+) of (\d+)/.exec(label ?? '') ?? [];
      expect(label).toBe(`Part ${part} of ${count}`);
      const groups = page.locator('form fieldset');
      for (let i = 0; i < (await groups.count()); i += 1) await groups.nth(i).getByRole('radio', { name: 'No', exact: true }).check();
      if (part === 1) {
        await expectFitsPhone(page);
        await screenshot(page, 'intake-09b-phone-red-flags');
      }
      if (String(part) === count) {
        await saveAndContinue(page);
        break;
      }
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByText(`Part ${part + 1} of ${count}`, { exact: true }).waitFor();
    }

    // Review, send, thank you. The crisis panel stays on screen.
    await heading(page, 'Check your answers');
    await page.getByText(/you have answered every part/i).waitFor();
    await page.getByRole('region', { name: 'Help is here, any time' }).waitFor();
    await expectFitsPhone(page);
    await expectAccessible(page);
    await screenshot(page, 'intake-10-phone-review');
    await page.getByRole('button', { name: 'Send to my care team' }).click();
    await heading(page, 'Thank you');
    await expectAccessible(page);
    await screenshot(page, 'intake-11-phone-thank-you');

    await page.getByRole('link', { name: 'Back to my page' }).click();
    await page.getByRole('region', { name: 'To do' }).getByText(/nothing to do right now/i).waitFor();
    await signOut(page);
    await page.close();
  }, 240_000);

  it('staff sends a PEG again; the patient sees it as a to-do, answers it and sees their progress', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await openMaria(page);
    const measures = page.getByRole('region', { name: 'Measures over time' });
    await measures.getByLabel('Questionnaire', { exact: true }).selectOption('peg');
    await measures.getByRole('button', { name: 'Send to the patient' }).click();
    await measures.getByText(/Sent: PEG/).waitFor();
    await screenshot(page, 'intake-12-staff-sent-peg');
    await signOut(page);

    await page.setViewportSize(PHONE);
    await signIn(page, PATIENT);
    const todo = page.getByRole('region', { name: 'To do' });
    await todo.getByRole('link', { name: 'Answer 3 quick questions' }).waitFor();
    await expectFitsPhone(page);
    await screenshot(page, 'intake-12b-phone-peg-todo');
    await todo.getByRole('link', { name: 'Answer 3 quick questions' }).click();
    await heading(page, 'Your pain and your life');
    await page.getByText('Question 1 of 3', { exact: true }).waitFor();
    await expectFitsPhone(page);
    await expectAccessible(page);
    await screenshot(page, 'intake-12c-phone-check-in-question');
    for (const [i, value] of ['4', '3', '4'].entries()) {
      await page.getByText(`Question ${i + 1} of 3`, { exact: true }).waitFor();
      await page.getByRole('radio', { name: value, exact: true }).check();
      await page.getByRole('button', { name: i < 2 ? 'Next question' : 'Send my answers' }).click();
    }
    await heading(page, 'Thank you');
    await page.getByRole('link', { name: 'Back to my page' }).click();

    const progress = page.getByRole('region', { name: 'My progress' });
    await progress.getByText('Lower is better.', { exact: true }).waitFor();
    await progress.getByText(/Since last time:/).first().waitFor();
    await progress.getByText(/(Meaningful improvement|No meaningful change|Meaningful worsening): PEG/).first().waitFor();
    await progress.getByRole('table').first().waitFor({ state: 'attached' });
    await expectFitsPhone(page);
    await expectAccessible(page);
    await progress.scrollIntoViewIfNeeded();
    await screenshot(page, 'intake-13-phone-my-progress');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('clinician: the safety task, the summary (safety first, scores with bands), the trajectory in words, and the PDF', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await openMaria(page);
    const tasks = page.getByRole('region', { name: 'Tasks for this patient' });
    await tasks.getByText(/Same-day safety check/).first().waitFor();

    const measures = page.getByRole('region', { name: 'Measures over time' });
    await measures.getByRole('heading', { name: /^PEG/ }).waitFor();
    await measures.getByText(/Since last time:/).first().waitFor();
    await measures.getByText(/(Meaningful improvement|No meaningful change|Meaningful worsening): PEG/).first().waitFor();
    // Hovering a point explains it: date, score, the change in words, source and the setting behind the label.
    const pegChart = measures.locator('.measure').first();
    await pegChart.locator('.recharts-line-dots circle').last().hover();
    const tip = pegChart.locator('.chart-tip');
    await tip.getByText(/Source: Answered by the patient/).waitFor();
    await tip.getByText(/Setting: pegMeaningfulChangePercent=30/).waitFor();
    await tip.getByText(/(Meaningful improvement|No meaningful change|Meaningful worsening): PEG/).waitFor();
    await pegChart.screenshot({ path: path.join(SCREENSHOTS, 'intake-14b-staff-chart-point-explained.png') });

    // The assessment: mechanism, irritability with its criteria beside each level, comorbidities.
    const assessment = page.getByRole('region', { name: 'Assessment' });
    await assessment.getByRole('button', { name: /Record (an|a new) assessment/ }).click();
    await assessment.getByRole('radio', { name: 'Nociplastic' }).check();
    await assessment.getByRole('radio', { name: /^Moderate/ }).check();
    await assessment.getByText('Pain 4–6/10').waitFor();
    await assessment.getByLabel('Add a condition').fill('Type 2 diabetes');
    await assessment.getByRole('button', { name: 'Add', exact: true }).click();
    await assessment.getByLabel('Onset date (optional)').fill('2023-03-01');
    await assessment.getByRole('button', { name: 'Save assessment' }).click();
    await assessment.getByText('Assessment saved.').waitFor();
    await assessment.getByText(/^Chronic: \d+ months since 1 March 2023 \(onset from the assessment/).waitFor();
    await assessment.getByText('Type 2 diabetes').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'intake-14-staff-patient-page');

    await page.getByRole('link', { name: 'Open the pre-visit summary' }).click();
    await heading(page, /Pre-visit summary: Maria Garcia/);
    const firstSection = page.locator('.visit-summary h2').first();
    expect(await firstSection.textContent()).toBe('Safety and red flags');
    const safety = page.getByRole('region', { name: 'Safety and red flags' });
    await safety.getByText(/PHQ-9 item 9/).first().waitFor();
    await safety.getByText(/Task not started|Task in progress|No open task/).first().waitFor();
    const scores = page.getByRole('region', { name: 'Scores' });
    await scores.getByText(/PHQ-9 \d+ of 27, (mild|moderate)/).waitFor();
    await scores.getByText(/(Meaningful improvement|No meaningful change|Meaningful worsening): PEG/).waitFor();
    await page.getByRole('region', { name: 'What they want to do again' }).getByText('Lift my granddaughter').first().waitFor();
    await page.getByRole('region', { name: 'Their story' }).getByText(/Back: Lower back, Left buttock/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'intake-15-staff-summary');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'intake-16-staff-summary-print');
    await page.emulateMedia({ media: 'screen' });

    const href = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    expect(href).toMatch(/\/api\/v1\/patients\/[\w-]+\/summary\.pdf$/);
    const pdf = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)) };
    }, href ?? '');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toMatch(/^application\/pdf/);
    expect(pdf.head).toBe('%PDF-');

    await page.setViewportSize(PHONE);
    await expectFitsPhone(page);
    await screenshot(page, 'intake-17-staff-summary-phone');
    await page.getByRole('link', { name: 'Back to Maria Garcia' }).click();
    await page.getByRole('region', { name: 'Measures over time' }).locator('.recharts-surface').first().waitFor();
    await expectFitsPhone(page);
    await screenshot(page, 'intake-17b-staff-patient-page-phone');
    await signOut(page);
    await page.close();
  }, 240_000);

  it('clinic lead: intake sections (always-on ones explained) and instrument licences', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await signIn(page, CLINIC_LEAD);
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Admin' }).click();
    const sections = page.getByRole('region', { name: 'Intake sections' });
    const peg = sections.getByRole('checkbox', { name: /^PEG/ });
    await peg.waitFor();
    expect(await peg.isDisabled()).toBe(true);
    expect(await peg.isChecked()).toBe(true);
    await sections.getByRole('checkbox', { name: /^GAD-7/ }).uncheck();
    await sections.getByRole('button', { name: 'Save sections' }).click();
    await sections.getByText(/Saved as version 2/).waitFor();
    const licences = page.getByRole('region', { name: 'Instrument licences' });
    await licences.getByText(/Keele/).first().waitFor();
    await licences.getByText(/Needs action/).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'intake-18-admin-sections-licences');
    await signOut(page);
    await page.close();
  }, 240_000);
});
