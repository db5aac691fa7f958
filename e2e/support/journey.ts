/** Steps every browser journey shares: signing in and out as a person would, and the accessibility check. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y } from './browser';

export const DEMO_PASSWORD = 'painpath-demo';

/** Signs in through the sign-in page; each journey starts signed out, even after one that stopped half-way. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /sign out/i }).click();
  await page.getByText(/you are signed out/i).waitFor();
}

/** axe-core finds no WCAG 2.0–2.2 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await checkA11y(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}
