/** Steps every browser journey shares: signing in and out as a person would, and the accessibility check. */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { checkA11y, openBrowser, type BrowserSession } from './browser';
import { startServer, type RunningServer } from './server';

export const DEMO_PASSWORD = 'painpath-demo';

/** The demo server and the browser a journey file clicks through; both exist from its beforeAll on. */
export interface Journey {
  readonly server: RunningServer;
  readonly browser: BrowserSession;
}

/**
 * Inside a journey file's describe: starts the real server on the demo clinic (jobs off) and Chromium before
 * its tests, and stops both after them.
 */
export function useJourney(): Journey {
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    server = await startServer({ PAINPATH_JOBS: 'off' });
    browser = await openBrowser();
  }, 180_000);
  // When a journey step fails, say whether the server was still running and what it last wrote, so a
  // failure in CI can be told apart from a server that stopped.
  beforeEach((context) => {
    context.onTestFailed(() => {
      if (server === undefined) return;
      const { exitCode, signalCode } = server.child;
      const state = exitCode === null && signalCode === null ? 'still running' : `exited (code ${String(exitCode)}, signal ${String(signalCode)})`;
      const tail = server.output().split('\n').slice(-40).join('\n');
      process.stderr.write(`\n[journey] the server at ${server.url} is ${state}; its last output:\n${tail}\n`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server(): RunningServer {
      if (server === undefined) throw new Error('The journey server starts in beforeAll.');
      return server;
    },
    get browser(): BrowserSession {
      if (browser === undefined) throw new Error('The journey browser starts in beforeAll.');
      return browser;
    },
  };
}

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
