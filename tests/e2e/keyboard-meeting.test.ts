// A whole meeting with the keyboard alone, in headless Chromium against the real local stack: three
// people in their own side panels at Teams' 320 px join, leave, reorder, invite, answer a check-in
// and end the session using only Tab, Shift+Tab, Enter, Space and the arrow keys. At every control
// they reach, the focus indicator is measured in pixels (it must change at least a 1 px ring's
// worth of pixels around the control by 3:1 or more, WCAG 1.4.11 and 2.4.7), and when another
// person's action re-renders the panel, focus stays where it was. The host's panel asks for reduced
// motion, and no transition or animation there may last longer than 10 ms; the attendees' panels,
// which do not ask, show that the recorder sees Fluent's ordinary motion.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { settle } from './a11y.js';
import { chromiumAvailable, launchChromium, startStack, type Stack } from './stack.js';

const suite = chromiumAvailable() ? describe : describe.skip;
const meetingId = `keys-${Date.now().toString(36)}`;
let stack: Stack | undefined;
let browser: Browser | undefined;

function running(): { stack: Stack; browser: Browser } {
  if (stack === undefined || browser === undefined) throw new Error('The stack did not start.');
  return { stack, browser };
}

interface Motion {
  readonly kind: string;
  readonly what: string;
  readonly ms: number;
}

/** A person's side panel at Teams' width, recording every transition and animation that starts. */
async function panelFor(name: string, role: string, reducedMotion: boolean): Promise<Page> {
  const context = await running().browser.newContext({
    viewport: { width: 320, height: 900 },
    reducedMotion: reducedMotion ? 'reduce' : 'no-preference',
  });
  await context.addInitScript((saved) => {
    sessionStorage.setItem('roundtable.local.person', saved);
    const seen: Motion[] = [];
    (window as unknown as { motion: Motion[] }).motion = seen;
    const record = (event: TransitionEvent | AnimationEvent) => {
      const target = event.target as HTMLElement;
      const style = getComputedStyle(target);
      const durations = (
        event instanceof TransitionEvent ? style.transitionDuration : style.animationDuration
      )
        .split(',')
        .map((value) => parseFloat(value) * (value.trim().endsWith('ms') ? 1 : 1000));
      seen.push({
        kind: event.type,
        what: `${target.tagName.toLowerCase()}.${(target.getAttribute('class') ?? '').slice(0, 60)}`,
        ms: Math.max(...durations),
      });
    };
    document.addEventListener('transitionstart', record, true);
    document.addEventListener('animationstart', record, true);
  }, JSON.stringify({ name, role }));
  const page = await context.newPage();
  await page.goto(`${running().stack.tabUrl}/?meeting=${meetingId}`);
  await page.getByRole('button', { name: 'Join', exact: true }).waitFor();
  return page;
}

/** Whether focus is on `target`, or anywhere inside it when it is a group (radios). */
const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate(
    (element) =>
      element === document.activeElement ||
      (element.getAttribute('role') === 'radiogroup' && element.contains(document.activeElement)),
  );

/** What has focus, for failure messages. */
const focusedName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) return '(the page itself)';
    const label = active.getAttribute('aria-label') ?? active.textContent;
    return `${active.tagName.toLowerCase()} "${label.trim().slice(0, 50)}"`;
  });

let stops = 0;
let indicatorsMeasured = 0;

/** Tab (or Shift+Tab) until `target` has focus; focus must never fall to the page on the way. */
async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < 80; presses++) {
    if (await isFocused(target)) {
      // In a group, the control that has focus (its visible part: a radio's input is see-through
      // over its circle and label) is what shows the indicator.
      await page.evaluate(() => {
        document.querySelector('[data-measured]')?.removeAttribute('data-measured');
        const active = document.activeElement;
        const shown = active?.closest('.fui-Radio') ?? active;
        shown?.setAttribute('data-measured', '');
      });
      await expectFocusIndicator(page, page.locator('[data-measured]'), target);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    stops += 1;
  }
  throw new Error(
    `Tab never reached ${target.toString()}; focus is on ${await focusedName(page)}.`,
  );
}

/** WCAG relative luminance contrast between two sRGB pixels. */
function contrast(a: readonly number[], b: readonly number[]): number {
  const lum = ([r = 0, g = 0, bl = 0]: readonly number[]) =>
    [r, g, bl]
      .map((v) => v / 255)
      .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

async function around(page: Page, target: Locator): Promise<PNG> {
  const box = await target.boundingBox();
  if (box === null) throw new Error(`${target.toString()} is not on screen.`);
  const margin = 3;
  const clip = {
    x: Math.max(0, Math.floor(box.x - margin)),
    y: Math.max(0, Math.floor(box.y - margin)),
    width: Math.ceil(box.width + 2 * margin),
    height: Math.ceil(box.height + 2 * margin),
  };
  return PNG.sync.read(await page.screenshot({ clip }));
}

/**
 * The focused control drawn with and without focus (Shift+Tab away and Tab back, keys only): at
 * least as many pixels as a 1 px ring around it must change by 3:1 or more.
 */
async function expectFocusIndicator(
  page: Page,
  target: Locator,
  focusable: Locator,
): Promise<void> {
  // Fluent draws some indicators with a short transition (a field's underline grows from the
  // middle): measure them once drawn.
  await settle(page);
  const focused = await around(page, target);
  await page.keyboard.press('Shift+Tab');
  await settle(page);
  const unfocused = await around(page, target);
  await page.keyboard.press('Tab');
  if (!(await isFocused(focusable)))
    throw new Error(`Tab did not come back to ${target.toString()} (${await focusedName(page)}).`);
  const width = Math.min(focused.width, unfocused.width);
  const height = Math.min(focused.height, unfocused.height);
  let strong = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (png: PNG) => {
        const i = (y * png.width + x) * 4;
        return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
      };
      if (contrast(at(focused), at(unfocused)) >= 3) strong += 1;
    }
  const ring = 2 * (width - 6 + (height - 6));
  indicatorsMeasured += 1;
  if (strong < ring)
    throw new Error(
      `The focus indicator of ${target.toString()} changes ${strong} pixels by 3:1; a 1 px ring is ${ring}.`,
    );
}

/** Focus lands inside the page's content within 3 s (a command's answer moves it there). */
async function expectFocusInPanel(page: Page, why: string): Promise<void> {
  await page
    .waitForFunction(
      () => document.activeElement !== null && document.activeElement !== document.body,
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => {
      throw new Error(`${why}: focus fell to the page.`);
    });
}

/** Focus is still on `target` (the same control, even if the list around it was redrawn). */
async function expectFocusStays(page: Page, target: Locator, why: string): Promise<void> {
  if (!(await isFocused(target)))
    throw new Error(`${why}: focus moved to ${await focusedName(page)}.`);
}

suite('a whole meeting with the keyboard alone', () => {
  let olu: Page;
  let ana: Page;
  let ben: Page;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
    olu = await panelFor('Olu', 'organizer', true);
    ana = await panelFor('Ana', 'attendee', false);
    ben = await panelFor('Ben', 'attendee', false);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    process.stdout.write(
      `keyboard figures: ${stops} key presses to move focus, ${indicatorsMeasured} focus indicators measured\n`,
    );
  });

  const button = (page: Page, name: string | RegExp): Locator =>
    page.getByRole('button', typeof name === 'string' ? { name, exact: true } : { name });

  it('join, and focus stays on Leave while others join around you', async () => {
    await tabTo(ana, button(ana, 'Join'));
    await ana.keyboard.press('Enter');
    const anaLeave = button(ana, /^Leave/).first();
    await anaLeave.waitFor();
    // The panel hands focus from Join to the Leave that replaced it.
    await expectFocusStays(ana, anaLeave, 'After joining');

    await tabTo(ben, button(ben, 'Join'));
    await ben.keyboard.press('Space');
    await button(ben, /^Leave/)
      .first()
      .waitFor();
    // Ben's arrival redraws Ana's queue; her focus stays on her Leave button.
    await ana.getByRole('list', { name: /^Queue \(2/ }).waitFor();
    await expectFocusStays(ana, anaLeave, 'Someone joined while Ana was on Leave');
  }, 60_000);

  it('the host reorders with the keyboard, and focus follows the moved control', async () => {
    const moveBenUp = button(olu, 'Move Ben up');
    await tabTo(olu, moveBenUp);
    await olu.keyboard.press('Enter');
    await olu
      .getByRole('list', { name: /^Queue/ })
      .getByRole('listitem')
      .first()
      .getByText('Ben')
      .waitFor();
    await expectFocusStays(olu, moveBenUp, 'After moving Ben up');
    // A live update (Ana's panel moves her down) while the host's focus is on the list.
    await ana
      .getByRole('list', { name: /^Queue/ })
      .getByRole('listitem')
      .first()
      .getByText('Ben')
      .waitFor();
    await expectFocusStays(olu, moveBenUp, 'After the queue was redrawn');
  }, 60_000);

  it('the host invites privately; the invited person declines with the keyboard', async () => {
    const notHeard = button(olu, /^Not heard yet/);
    await tabTo(olu, notHeard, true);
    await olu.keyboard.press('Enter');
    const invite = button(olu, 'Invite Ana');
    await tabTo(olu, invite);
    await olu.keyboard.press('Enter');
    await button(olu, 'Invited Ana').waitFor();
    await expectFocusStays(olu, button(olu, 'Invited Ana'), 'After inviting');

    const notNow = button(ana, 'Not now');
    await tabTo(ana, notNow, true);
    await ana.keyboard.press('Enter');
    // The card goes; its reply takes focus, so focus does not fall to the page.
    const reply = ana.getByText('No problem. You can join the queue any time.');
    await reply.waitFor();
    await expectFocusStays(ana, reply, 'After declining');
  }, 60_000);

  it('next speaker, and the speaker finishes', async () => {
    const next = button(olu, 'Next speaker');
    await tabTo(olu, next, true);
    await olu.keyboard.press('Enter');
    const done = button(ben, "I'm done");
    await done.waitFor();
    await expectFocusStays(olu, next, 'After Next speaker');
    await tabTo(ben, done, true);
    await ben.keyboard.press('Enter');
    await ben.getByText('Nobody is speaking').waitFor();
    await expectFocusInPanel(ben, "After I'm done");
    expect(await focusedName(ben)).toBe('h2 "Now speaking"');
  }, 60_000);

  it('a check-in opened and answered with the keyboard', async () => {
    const checkin = button(olu, 'Check-in');
    await tabTo(olu, checkin);
    await olu.keyboard.press('Enter');
    const prompt = olu.getByLabel('Check-in prompt');
    await tabTo(olu, prompt);
    const before = await prompt.inputValue();
    await olu.keyboard.press('ArrowDown');
    expect(await prompt.inputValue()).not.toBe(before);
    await tabTo(olu, button(olu, 'Start check-in'));
    await olu.keyboard.press('Enter');

    // Into the scale with Shift+Tab (which lands on its last choice), Space to choose it, an
    // arrow key to the one before, then Send.
    await tabTo(ana, ana.getByRole('radiogroup'), true);
    await ana.keyboard.press('Space');
    const chosen = ana.getByRole('radio', { checked: true });
    expect(await chosen.getAttribute('value')).toBe('5');
    await ana.keyboard.press('ArrowLeft');
    expect(await chosen.getAttribute('value')).toBe('4');
    await tabTo(ana, button(ana, 'Send answer'));
    await ana.keyboard.press('Enter');
    await ana.getByText(/Results appear after 3 answers/).waitFor();
    await expectFocusInPanel(ana, 'After sending an answer');
  }, 60_000);

  it('leave with the keyboard: focus returns to Join', async () => {
    const leave = button(ana, /^Leave/).first();
    await tabTo(ana, leave, true);
    await ana.keyboard.press('Enter');
    await leave.waitFor({ state: 'detached' });
    const join = button(ana, 'Join');
    await expectFocusStays(ana, join, 'After leaving');
  }, 60_000);

  it('the host ends the session through the dialog; focus stays in the panel', async () => {
    const end = button(olu, 'End session…');
    await tabTo(olu, end);
    await olu.keyboard.press('Enter');
    const dialog = olu.getByRole('dialog');
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'End session', exact: true });
    await tabTo(olu, confirm, true);
    await olu.keyboard.press('Enter');
    // The panel says the session ended, then (at its next read) shows the next, empty session
    // with a notice: focus must stay in the panel through both.
    const ended = olu.getByRole('heading', { name: 'This session has ended' });
    const next = olu
      .getByText('A new session of this meeting has started.', { exact: false })
      .first();
    await ended.or(next).first().waitFor({ timeout: 20_000 });
    await dialog.waitFor({ state: 'detached' });
    await expectFocusInPanel(olu, 'After the session ended');
    await next.waitFor({ timeout: 20_000 });
    await expectFocusInPanel(olu, 'After the next session replaced the ended one');
  }, 60_000);

  it('no motion longer than 10 ms where reduced motion is asked for', async () => {
    const motion = (page: Page) =>
      page.evaluate(() => (window as unknown as { motion: Motion[] }).motion);
    const reduced = await motion(olu);
    const ordinary = [...(await motion(ana)), ...(await motion(ben))];
    // The recorder works: without the preference, Fluent's controls do move.
    expect(ordinary.filter((entry) => entry.ms > 10).length).toBeGreaterThan(0);
    expect(reduced.length).toBeGreaterThan(0);
    expect(reduced.filter((entry) => entry.ms > 10)).toEqual([]);
  });
});
