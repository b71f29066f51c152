// Carry-over in the simulator, in headless Chromium against the real local stack: the organiser
// turns it on, Ana and Ben are still waiting when the host ends the session, and when Teams starts
// the next occurrence they are at the front of the new queue, in their order, each told why —
// Ana too, though she queued before the option was on.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, startStack, type Stack } from './stack.js';

const suite = chromiumAvailable() ? describe : describe.skip;
let stack: Stack | undefined;
let browser: Browser | undefined;
let page: Page;
const meetingId = `e2e-carry-${Date.now().toString(36)}`;
const column = (name: string): Locator =>
  page.getByRole('region', { name: `${name}’s side panel` });
const yourPlaces = (name: string): Locator =>
  column(name).getByRole('list', { name: 'Your places in the queue' });

suite('carry-over in the simulator', () => {
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

  it('starts the next session with who was waiting at the front, told why', async () => {
    // Ana queues before the organiser turns carry-over on; Ben after.
    await column('Ana').getByRole('button', { name: 'Join', exact: true }).click();
    await yourPlaces('Ana').waitFor();
    const olu = column('Olu');
    const option = { name: 'Carry waiting people over to the next session' };
    await olu.getByRole('button', { name: 'Meeting options' }).click();
    await olu.getByRole('switch', option).click();
    // The switch shows the choice at once; after a reload it shows what the server holds.
    await page.reload();
    await olu.getByRole('button', { name: 'Meeting options' }).click();
    const carry = olu.getByRole('switch', option);
    await carry.waitFor();
    for (let i = 0; i < 50 && !(await carry.isChecked()); i++) await page.waitForTimeout(100);
    expect(await carry.isChecked()).toBe(true);
    await column('Ben').getByRole('button', { name: 'Join', exact: true }).click();
    await yourPlaces('Ben').waitFor();
    await olu.getByRole('button', { name: 'End session…' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'End session', exact: true })
      .click();
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
    await yourPlaces('Ana').waitFor({ state: 'detached', timeout: 15_000 });

    // The next occurrence: Teams starts the same meeting again.
    const teams = page.getByRole('group', { name: 'What Teams tells Roundtable' });
    await teams.getByRole('button', { name: 'Meeting starts' }).click();
    await teams.getByText('Teams said: the meeting started.').waitFor();
    // Each panel reads its view again for the new session, and so arrives in it.
    for (const [name, place] of [
      ['Ana', "You're next"],
      ['Ben', "You're 2nd"],
    ] as const) {
      const places = yourPlaces(name);
      await places
        .getByText(place)
        .waitFor({ timeout: 30_000 })
        .catch(async (error: unknown) => {
          throw new Error(
            `${String(error)}\n${name}'s panel showed:\n${await column(name).innerText()}`,
          );
        });
      await places.getByText(/^Carried over from last time/).waitFor();
    }
    // Free to leave, like any entry.
    await column('Ana').getByRole('button', { name: 'Leave: New point' }).click();
    await yourPlaces('Ben').getByText("You're next").waitFor({ timeout: 15_000 });
    expect(await yourPlaces('Ana').count()).toBe(0);
  }, 90_000);
});
