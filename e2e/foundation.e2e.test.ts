/**
 * Browser journeys of the foundation, clicked through as a person would, on desktop and phone sizes,
 * with axe-core checks and screenshots (look at them: .test-artifacts/screenshots).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, hasChromium, hasHorizontalScroll, PHONE, screenshot } from './support/browser';
import { DEMO_PASSWORD, expectAccessible, signIn as signInAt, signOut, type Journey, useJourney } from './support/journey';

const signIn = (page: Page, email: string): Promise<void> => signInAt(page, journey.server.url, email);

const PASSWORD = DEMO_PASSWORD;
let journey: Journey;

describe.skipIf(!hasChromium)('foundation journeys in the browser', () => {
  journey = useJourney();

  it('staff: sign in, search, open a patient with care team, coordinator and access history, sign out', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await page.goto(`${journey.server.url}/`);
    await page.getByRole('heading', { name: /sign in/i }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'foundation-01-sign-in');

    await signIn(page, 'dr.okafor@riverbend.example');
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('link', { name: /Garcia/ }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'foundation-02-patient-list');

    await page.getByLabel('Name or MRN').fill('garc');
    await page.getByRole('button', { name: /^search|find/i }).first().click();
    await page.getByText(/1 patient/i).first().waitFor();
    const rows = page.getByRole('link', { name: /Garcia/ });
    expect(await rows.count()).toBe(1);
    await rows.first().click();

    await page.getByRole('heading', { name: /Maria Garcia/, level: 1 }).waitFor();
    await page.getByRole('heading', { name: /care team/i }).first().waitFor();
    await page.getByText('Jordan Whitehorse').first().waitFor();
    await page.getByRole('heading', { name: /access history|who has looked/i }).first().waitFor();
    await page.getByText(/Chidi Okafor/).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'foundation-03-patient-page');

    await signOut(page);
    await screenshot(page, 'foundation-04-signed-out');
    await page.close();
  });

  it('staff on a phone: the list fits the screen and stays accessible', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, 'lena.hoang@riverbend.example');
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('link').filter({ hasText: /,|\w+ \w+/ }).first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'foundation-05-phone-patient-list');
    await signOut(page);
    await page.close();
  });

  it('patient on a phone: sees their own page only, and who looked at their record', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, 'maria.garcia@patients.example');
    await page.waitForURL(/\/me/);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /Maria/ }).waitFor();
    await page.getByRole('heading', { name: /who has looked/i }).first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'foundation-06-phone-patient-own-page');

    // Another person's record is not available to a patient, whatever the address.
    const otherId = await someoneElsesPatientId();
    await page.goto(`${journey.server.url}/patients/${otherId}`);
    await page.getByText(/not available|not allowed|only for clinic staff/i).first().waitFor();
    await screenshot(page, 'foundation-07-patient-other-record-refused');
    const api = await page.evaluate(async (id) => (await fetch(`/api/v1/patients/${id}`)).status, otherId);
    expect(api).toBe(403);
    await page.goto(`${journey.server.url}/me`);
    await signOut(page);
    await page.close();
  });

  it('a patient lets a caregiver help, the caregiver sees them, and the patient takes it back', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, 'lan.nguyen@patients.example');
    await page.getByRole('heading', { name: 'People who help me' }).waitFor();
    await page.getByLabel('Their e-mail').fill('ruth.harper@family.example');
    await page.getByLabel('Help with my appointments').check();
    await page.getByRole('button', { name: 'Let them help' }).click();
    await page.getByText('Ruth Harper can now help you.').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAccessible(page);
    await screenshot(page, 'foundation-10-patient-lets-caregiver-help');
    await signOut(page);

    await signIn(page, 'ruth.harper@family.example');
    await page.getByRole('link', { name: /Lan/ }).first().waitFor();
    await screenshot(page, 'foundation-11-caregiver-sees-two-people');
    await signOut(page);

    await signIn(page, 'lan.nguyen@patients.example');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: /Stop Ruth Harper/ }).click();
    await page.getByText('Ruth Harper can no longer see your details.').waitFor();
    await signOut(page);

    await signIn(page, 'ruth.harper@family.example');
    await page.getByRole('link', { name: /Evelyn/ }).first().waitFor();
    expect(await page.getByRole('link', { name: /Lan/ }).count()).toBe(0);
    await signOut(page);
    await page.close();
  });

  it('break the glass: a coordinator outside the team gets time-limited, recorded access', async () => {
    const page = await journey.browser.context.newPage();
    await page.setViewportSize(DESKTOP);
    await signIn(page, 'ana.morales@riverbend.example');
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('link', { name: /outside your care team/i }).click();
    await page.getByLabel(/MRN|medical record number/i).fill('RB-100001');
    await page.getByLabel(/reason|why/i).fill('Covering the North team coordinator today; Maria called about her appointment.');
    await page.getByRole('button', { name: /open|break|emergency|continue/i }).click();
    await page.getByRole('heading', { name: /Maria Garcia/, level: 1 }).waitFor();
    await page.getByText(/emergency access/i).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'foundation-08-break-glass-banner');
    await signOut(page);
    await page.close();
  });

  it('an unknown page shows a clear error page (signed out: the sign-in page first)', async () => {
    const page = await journey.browser.context.newPage();
    await page.goto(`${journey.server.url}/no-such-page`);
    await page.getByRole('heading', { name: /sign in/i }).waitFor();
    await signIn(page, 'marcus.bell@riverbend.example');
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.goto(`${journey.server.url}/no-such-page`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const text = await page.textContent('main');
    expect(text ?? '').toMatch(/not found|could not find|can.t find|cannot find|does not exist/i);
    await expectAccessible(page);
    await screenshot(page, 'foundation-09-error-page');
    await page.close();
  });
});

async function someoneElsesPatientId(): Promise<string> {
  const login = await fetch(`${journey.server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'lena.hoang@riverbend.example', password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const list = (await (await fetch(`${journey.server.url}/api/v1/patients?limit=5`, { headers: { cookie } })).json()) as { items: { id: string; familyName: string }[] };
  const other = list.items.find((p) => p.familyName !== 'Garcia');
  if (!other) throw new Error('no other patient found');
  return other.id;
}
