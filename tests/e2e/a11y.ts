// What the accessibility browser tests check in each state of a page: axe (WCAG 2.2 AA and best
// practice) in Teams' three themes, target sizes (WCAG 2.5.8), reflow at the side panel's width
// (WCAG 1.4.10), and the same again at 200 % zoom.
//
// The themes are switched as the tab outside Teams chooses them: from the system's colour scheme,
// and Teams' high-contrast theme when the system forces colours (tabs/src/theme/themes.ts).
//
// Zoom is Chromium's device scale factor (2), not CSS `zoom`. Teams lays its side panel out at
// 320 CSS px whatever the zoom: zooming Teams (Ctrl + =, or the browser's zoom in Teams on the web)
// scales the whole client, the panel's frame with it, so the frame keeps 320 CSS px and draws
// each at 2 × 2 device pixels. A device scale factor of 2 is exactly that. CSS `zoom: 2` inside
// the frame would instead leave 160 CSS px for the layout, which Teams never does to a tab.
import type { CDPSession, Page } from 'playwright-core';
import { axeViolations } from './axe.js';

export type SystemTheme = 'light' | 'dark' | 'contrast';
export const THEMES: readonly SystemTheme[] = ['light', 'dark', 'contrast'];

/** The data-theme ThemedPage writes for each system theme (Teams' names). */
const TEAMS_THEME: Record<SystemTheme, string> = {
  light: 'default',
  dark: 'dark',
  contrast: 'contrast',
};

export async function useTheme(page: Page, theme: SystemTheme): Promise<void> {
  await page.emulateMedia({
    colorScheme: theme === 'dark' ? 'dark' : 'light',
    forcedColors: theme === 'contrast' ? 'active' : 'none',
  });
  await page.waitForFunction(
    (expected) => document.documentElement.dataset.theme === expected,
    TEAMS_THEME[theme],
  );
  await settle(page);
}

/**
 * Waits for every finite animation and transition to finish: Fluent's controls fade between
 * colours when the theme changes or a dialog closes, and axe must measure the colours people
 * read, not a frame half-way between two themes. Endless ones (a spinner) are left to run.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Infinity,
      ),
  );
}

export interface Measured {
  /** Every check that failed, named with the state, theme and zoom it failed in. */
  readonly failures: string[];
  /** How many axe runs, target and reflow checks were made. */
  axeRuns: number;
  targetChecks: number;
  targetsMeasured: number;
}

export function measured(): Measured {
  return { failures: [], axeRuns: 0, targetChecks: 0, targetsMeasured: 0 };
}

const cdpSessions = new WeakMap<Page, CDPSession>();

/** Sets the page's width and zoom as Teams' side panel would have them (see the header). */
export async function setZoom(page: Page, scale: 1 | 2): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 320, height: 900 };
  let cdp = cdpSessions.get(page);
  if (cdp === undefined) {
    cdp = await page.context().newCDPSession(page);
    cdpSessions.set(page, cdp);
  }
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: viewport.width,
    height: viewport.height,
    deviceScaleFactor: scale,
    mobile: false,
  });
  const ratio = await page.evaluate(() => window.devicePixelRatio);
  if (ratio !== scale) throw new Error(`The page did not zoom to ${scale} (it is at ${ratio}).`);
}

/**
 * Every visible interactive element smaller than 24 × 24 CSS px whose 24 px circle touches another
 * target (WCAG 2.5.8's spacing exception); links inside a sentence are exempt, as the criterion
 * says.
 */
export async function smallTargets(page: Page): Promise<{ count: number; failures: string[] }> {
  return page.evaluate(() => {
    const selector = [
      'button',
      'a[href]',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[role="button"]',
      '[role="radio"]',
      '[role="checkbox"]',
      '[role="switch"]',
      '[role="tab"]',
      '[role="option"]',
      '[role="menuitem"]',
      '[tabindex]:not([tabindex="-1"])',
    ].join(',');
    const boxes = [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((element) => !element.closest('[data-tabster-dummy]'))
      .filter((element) => {
        // An inline link in running text is exempt; Fluent's radios and switches put their
        // input over the whole control, so the input's box is the target.
        if (element.tagName === 'A' && getComputedStyle(element).display === 'inline') return false;
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
      })
      .map((element) => ({ element, box: element.getBoundingClientRect() }));
    const describe = (element: HTMLElement) =>
      `${element.tagName.toLowerCase()} "${(
        element.getAttribute('aria-label') ?? element.textContent
      )
        .trim()
        .slice(0, 40)}"`;
    const failures: string[] = [];
    const small = (box: DOMRect) => box.width < 24 || box.height < 24;
    const centre = (box: DOMRect) => ({
      x: box.left + box.width / 2,
      y: box.top + box.height / 2,
    });
    for (const { element, box } of boxes) {
      if (!small(box)) continue;
      const c = centre(box);
      const clash = boxes.find(({ element: other, box: otherBox }) => {
        if (other === element || other.contains(element) || element.contains(other)) return false;
        if (small(otherBox)) {
          const o = centre(otherBox);
          return Math.hypot(o.x - c.x, o.y - c.y) < 24;
        }
        // The 24 px circle around this target must not reach the other target's box.
        const nx = Math.max(otherBox.left, Math.min(c.x, otherBox.right));
        const ny = Math.max(otherBox.top, Math.min(c.y, otherBox.bottom));
        return Math.hypot(nx - c.x, ny - c.y) < 12;
      });
      if (clash !== undefined) {
        failures.push(
          `${describe(element)} is ${Math.round(box.width)}×${Math.round(box.height)} and within 24 px of ${describe(clash.element)}`,
        );
      }
    }
    return { count: boxes.length, failures };
  });
}

/** WCAG 1.4.10: nothing scrolls sideways at the panel's width. */
async function reflows(page: Page): Promise<string | null> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  return scroll > client ? `scrolls sideways (${scroll} px of content in ${client} px)` : null;
}

export interface AuditOptions {
  /** Also at 200 % zoom (default true). */
  readonly zoom?: boolean;
  /** Best-practice rules too (default true). */
  readonly bestPractice?: boolean;
  /** Whether the page must fit its width without scrolling sideways (default true). */
  readonly reflow?: boolean;
}

/**
 * One state of one page: axe in each theme at 100 % and 200 %, target sizes and reflow at 100 %.
 * Failures are collected, not thrown, so one run lists every state that fails.
 */
export async function audit(
  page: Page,
  state: string,
  into: Measured,
  options: AuditOptions = {},
): Promise<void> {
  const { zoom = true, bestPractice = true, reflow = true } = options;
  for (const scale of zoom ? ([1, 2] as const) : ([1] as const)) {
    await setZoom(page, scale);
    for (const theme of THEMES) {
      await useTheme(page, theme);
      const where = `${state} (${theme}, ${scale * 100} %)`;
      const violations = await axeViolations(page, bestPractice);
      into.axeRuns += 1;
      for (const violation of violations) into.failures.push(`${where}: axe ${violation}`);
      if (scale === 1 && theme === 'light') {
        const targets = await smallTargets(page);
        into.targetChecks += 1;
        into.targetsMeasured += targets.count;
        for (const failure of targets.failures) into.failures.push(`${where}: target ${failure}`);
        const sideways = reflow ? await reflows(page) : null;
        if (sideways !== null) into.failures.push(`${where}: ${sideways}`);
      }
    }
  }
  await setZoom(page, 1);
  await useTheme(page, 'light');
}
