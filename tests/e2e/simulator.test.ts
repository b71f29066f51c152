// Three people in the simulator, in headless Chromium, against the real local stack: join, equity
// ordering, next / done, a check-in shown only from three answers, reconnecting after the API
// restarts, screenshots, and axe in the real browser.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { pageCanvas, shade } from './pixels.js';
import { SCREENSHOTS, chromiumAvailable, launchChromium, startStack, type Stack } from './stack.js';

const runs = chromiumAvailable();
const suite = runs ? describe : describe.skip;
let stack: Stack | undefined;
let browser: Browser | undefined;
let page: Page;
const meetingId = `e2e-${Date.now().toString(36)}`;

function running(): { stack: Stack; browser: Browser } {
  if (stack === undefined || browser === undefined) throw new Error('The stack did not start.');
  return { stack, browser };
}

const panel = (name: string): Locator => page.getByRole('region', { name: `${name}’s side panel` });
const queueNames = (name: string) =>
  panel(name)
    .getByRole('list', { name: /^Queue \(/ })
    .getByRole('listitem');

/** Who waits, in order, as one panel shows it. */
async function order(name: string): Promise<string[]> {
  const items = await queueNames(name).allInnerTexts();
  return items.map((text) =>
    text.includes('Ben')
      ? 'Ben'
      : text.includes('Ana')
        ? 'Ana'
        : text.includes('Olu')
          ? 'Olu'
          : '?',
  );
}

/** Retries an assertion until it passes or five seconds are up (the panels update live). */
async function eventually(check: () => Promise<void>, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function joinQueue(name: string, note?: string): Promise<void> {
  const column = panel(name);
  if (note !== undefined) await column.getByLabel('Note (optional)').fill(note);
  await column.getByRole('button', { name: 'Join', exact: true }).click();
  await column
    .getByRole('button', { name: /^Leave/ })
    .first()
    .waitFor();
}

suite('the meeting simulator in a real browser', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(`${stack.tabUrl}/dev.html?meeting=${meetingId}`);
    for (const name of ['Olu', 'Ana', 'Ben'])
      await panel(name).getByRole('button', { name: 'Join', exact: true }).waitFor();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('orders the queue by equity once the host chooses it, and runs next / done', async () => {
    await joinQueue('Ana', 'first thoughts');
    await panel('Olu').getByRole('button', { name: 'Next speaker' }).click();
    await panel('Ana').getByRole('button', { name: "I'm done" }).waitFor();
    await panel('Ana').getByRole('button', { name: "I'm done" }).click();
    await panel('Olu').getByText('Nobody is speaking').waitFor();

    await panel('Olu').getByRole('button', { name: 'Queue order and timebox' }).click();
    await panel('Olu')
      .getByRole('radio', { name: /Balanced/ })
      .check();
    await panel('Olu').getByRole('button', { name: 'Use this order' }).click();
    await panel('Olu')
      .getByText(/Balanced \(now\)/)
      .waitFor();

    await joinQueue('Ana');
    await joinQueue('Ben');
    // Ben has not spoken yet, Ana has: Ben goes first, in every panel.
    for (const name of ['Olu', 'Ana', 'Ben'])
      await eventually(async () => {
        expect(await order(name)).toEqual(['Ben', 'Ana']);
      });
    await page.screenshot({ path: join(SCREENSHOTS, 'simulator-queue.png') });

    await panel('Olu').getByRole('button', { name: 'Next speaker' }).click();
    await panel('Ben').getByRole('button', { name: "I'm done" }).click();
    await panel('Ana').getByText('Nobody is speaking').waitFor();
    await eventually(async () => {
      expect(await order('Ana')).toEqual(['Ana']);
    });
  }, 60_000);

  it('shows a check-in result only once three people have answered', async () => {
    await panel('Olu').getByRole('button', { name: 'Check-in', exact: true }).click();
    await panel('Olu').getByLabel('Check-in prompt').selectOption('energy');
    await panel('Olu').getByRole('button', { name: 'Start check-in' }).click();
    const answer = async (name: string, value: number) => {
      // The check-in reaches each panel live, or by its next read when a live update is missed.
      const radio = panel(name).getByRole('radio', { name: new RegExp(`^${value}\\b`) });
      await radio.waitFor({ timeout: 45_000 });
      await radio.check();
      await panel(name).getByRole('button', { name: 'Send answer' }).click();
    };
    await answer('Ana', 4);
    await answer('Ben', 2);
    await panel('Ana')
      .getByText(/Results appear after 3 answers \(2 so far\)/)
      .waitFor();
    await answer('Olu', 3);
    await panel('Ana')
      .getByText(/Results appear after/)
      .waitFor({ state: 'detached' });
    await panel('Ben').getByRole('table').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'simulator-checkin.png') });
  }, 120_000);

  it('reconnects every panel after the API restarts, without a reload', async () => {
    await running().stack.stopApi();
    await panel('Ana').getByText('Reconnecting…').waitFor({ timeout: 20_000 });
    await running().stack.startApi();
    await panel('Ana').getByText('Reconnecting…').waitFor({ state: 'detached', timeout: 40_000 });
    await joinQueue('Ben', 'after the restart');
    await panel('Ana').getByText('after the restart').waitFor({ timeout: 10_000 });
  }, 90_000);

  it('has no axe (WCAG) violations in the simulator', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
  ] as const)(
    'shows a standalone side panel for a host and an attendee in %s with no axe violations',
    async (label, colorScheme) => {
      for (const person of [
        { name: 'Olu', role: 'organizer' },
        { name: 'Ana', role: 'attendee' },
      ]) {
        const context = await running().browser.newContext({
          viewport: { width: 340, height: 900 },
          colorScheme,
        });
        await context.addInitScript((saved) => {
          sessionStorage.setItem('roundtable.local.person', saved);
        }, JSON.stringify(person));
        const single = await context.newPage();
        await single.goto(`${running().stack.tabUrl}/?meeting=${meetingId}`);
        await single
          .getByRole('button', { name: /Leave|Join/ })
          .first()
          .waitFor();
        await single.screenshot({
          path: join(
            SCREENSHOTS,
            `side-panel-${person.role === 'organizer' ? 'host' : 'attendee'}-${label}.png`,
          ),
          fullPage: true,
        });
        // The page paints its own canvas, so no band of the browser's shows below the content.
        const canvas = await pageCanvas(single);
        expect([shade(canvas.background), canvas.scheme]).toEqual([colorScheme, colorScheme]);
        expect(await axeViolations(single)).toEqual([]);
        await context.close();
      }
    },
    60_000,
  );

  it('ends the session: the summary shows the hand count and the outbox holds the card', async () => {
    // The person running the simulator is looking at it (the standalone panels came and went).
    await page.bringToFront();
    // Hand count: Olu, Ana and Ben opened Roundtable; Ana and Ben had turns. One more turn comes
    // after the API restarted, which the local Graph (memory only) saw: it has a call to report.
    await panel('Olu').getByRole('button', { name: 'Next speaker' }).click();
    await panel('Olu').getByText('Nobody is speaking').waitFor({ state: 'detached' });
    await panel('Olu').getByRole('button', { name: 'End session…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Keep going' }).click();
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
    // Reopened straight away, the dialog is there for screen readers too (getByRole skips
    // anything aria-hidden), which jsdom's run of Fluent's focus trap cannot show.
    await panel('Olu').getByRole('button', { name: 'End session…' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'End session', exact: true })
      .click();
    const summary = page.getByRole('region', { name: 'Summary' });
    await summary
      .getByText('2 of 3 people spoke')
      .waitFor({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        throw new Error(
          `${String(error)}\nThe summary column showed:\n${await summary.innerText()}`,
        );
      });
    await summary
      .getByText(/2 of 3 people/)
      .first()
      .waitFor();
    await page
      .getByRole('region', { name: 'Outbox' })
      .getByText(/2 of 3 people/)
      .waitFor({ timeout: 30_000 });
    // What the local Graph recorded fills in by itself seconds later, and says it is simulated.
    await summary
      .getByRole('heading', { name: 'From microphone time (Teams attendance report)' })
      .waitFor({ timeout: 30_000 });
    await summary.getByText(/Simulated: local mode has no Teams/).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'simulator-summary.png'), fullPage: true });
  }, 60_000);
});
