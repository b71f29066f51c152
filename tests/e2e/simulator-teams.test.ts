// The simulator playing Teams' side, in headless Chromium against the real local stack: Teams
// says the meeting started and who joined the call, as it tells the bot; someone who never opens
// Roundtable is in the host's "not heard yet"; Teams' end brings the summary counting the call.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { chromiumAvailable, launchChromium, startStack, type Stack } from './stack.js';

const suite = chromiumAvailable() ? describe : describe.skip;
let stack: Stack | undefined;
let browser: Browser | undefined;
let page: Page;
const meetingId = `e2e-teams-${Date.now().toString(36)}`;
const column = (name: string): Locator =>
  page.getByRole('region', { name: `${name}’s side panel` });

suite('the simulator playing Teams', () => {
  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(`${stack.tabUrl}/dev.html?meeting=${meetingId}`);
    await column('Ben').getByRole('button', { name: 'Join', exact: true }).waitFor();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('counts someone Teams says joined the call, though they never open Roundtable', async () => {
    await column('Ben').getByRole('button', { name: 'Close Roundtable' }).click();
    await column('Ben').getByText('Ben has not opened Roundtable.').waitFor();
    const teams = page.getByRole('group', { name: 'What Teams tells Roundtable' });
    await teams.getByRole('button', { name: 'Meeting starts' }).click();
    await teams.getByText('Teams said: the meeting started.').waitFor();
    for (const name of ['Olu', 'Ana', 'Ben']) {
      await column(name).getByRole('button', { name: 'Join the call' }).click();
      await teams.getByText(`Teams said: ${name} joined the call.`).waitFor();
    }
    const olu = column('Olu');
    await olu.getByRole('button', { name: /^Not heard yet/ }).click();
    await olu.getByText('Ben (has not opened Roundtable)').waitFor({ timeout: 10_000 });
    // Best practice too: each panel's regions carry its person's name, so none repeats.
    expect(await axeViolations(page)).toEqual([]);

    // Ana speaks; Ben leaves the call; Teams says the meeting ended.
    await column('Ana').getByRole('button', { name: 'Join', exact: true }).click();
    await olu.getByRole('button', { name: 'Next speaker' }).click();
    await column('Ben').getByRole('button', { name: 'Leave the call' }).click();
    await teams.getByText('Teams said: Ben left the call.').waitFor();
    await teams.getByRole('button', { name: 'Meeting ends' }).click();
    await teams.getByText('Teams said: the meeting ended.').waitFor();
    await page
      .getByRole('region', { name: 'Outbox' })
      .getByText(/1 of 3 people in the meeting/)
      .waitFor({ timeout: 30_000 });
    // The next occurrence: Teams starts the same meeting again; every panel moves to session 2.
    await teams.getByRole('button', { name: 'Meeting starts' }).click();
    // Said on screen and to screen readers (the polite live region).
    const news = olu.getByText('A new session of this meeting has started. The queue is empty.');
    await news.first().waitFor({ timeout: 15_000 });
    expect(await news.count()).toBe(2);
  }, 90_000);

  it('runs a channel meeting, where Teams sends no join or leave events', async () => {
    await page.getByRole('button', { name: 'Start a new channel meeting' }).click();
    await page.getByText('Teams sends no join or leave events for channel meetings.').waitFor();
    const join = column('Ana').getByRole('button', { name: 'Join the call' });
    expect(await join.getAttribute('aria-disabled')).toBe('true');
    // Everything else runs as in any meeting: Ana queues from her panel.
    await column('Ana').getByRole('button', { name: 'Join', exact: true }).click();
    await column('Olu').getByText('Ana', { exact: false }).first().waitFor();
  }, 60_000);
});
