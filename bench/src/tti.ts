// Time to interactive of the side panel in headless Chromium: the production build served by
// `vite preview` (which forwards /api to the local API, as in `npm start`), each load in a fresh
// browser context (empty cache, a new simulated person).
//
// Interactive means: measured from the start of navigation (performance.timeOrigin), the first
// moment the page shows the meeting with an enabled Join button — the view has come from the API
// (sign-in, first read, arrival), React has rendered it and a click would be handled.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { preview } from 'vite';
import { launchChromium } from '../../tests/support/chromium.js';
import { ROOT, freePort, register } from './processes.js';
import type { Section } from './report.js';
import { writeBlankPage, type TabBuild } from './side-panel.js';
import { median, round } from './stats.js';

const PERSON_KEY = 'roundtable.local.person';

declare global {
  interface Window {
    __benchInteractiveAt?: number;
  }
}

async function launch(): Promise<{ browser: Browser; stop: () => Promise<void> }> {
  const browser = await launchChromium();
  return { browser, stop: register(() => browser.close()) };
}

/** Runs in the page before its own scripts: signs in as `name` and watches for the Join button. */
function watchForJoin({ key, name }: { key: string; name: string }): void {
  sessionStorage.setItem(key, JSON.stringify({ name, role: 'attendee' }));
  const ready = () =>
    [...document.querySelectorAll('button')].some(
      (button) =>
        button.textContent.trim() === 'Join' &&
        !button.disabled &&
        button.getAttribute('aria-disabled') !== 'true',
    );
  const observer = new MutationObserver(() => {
    if (window.__benchInteractiveAt === undefined && ready()) {
      window.__benchInteractiveAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

interface Load {
  readonly interactiveMs: number;
  /** The JavaScript files (paths in the build) the page fetched before it was interactive. */
  readonly scripts: string[];
  readonly firstContentfulPaintMs: number;
  readonly domContentLoadedMs: number;
}

async function loadPanel(browser: Browser, url: string, name: string): Promise<Load> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(watchForJoin, { key: PERSON_KEY, name });
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.__benchInteractiveAt, undefined, {
      timeout: 30_000,
    });
    const interactiveMs = Number(await handle.jsonValue());
    const timing = await page.evaluate((until) => {
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= until && new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => new URL(entry.name).pathname.slice(1));
      const navigation = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        scripts,
        domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
        firstContentfulPaintMs: paint?.startTime ?? Number.NaN,
      };
    }, interactiveMs);
    if (errors.length > 0) throw new Error(`The side panel threw: ${errors.join('; ')}`);
    return { interactiveMs, ...timing };
  } finally {
    await context.close();
  }
}

async function loadBlank(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      return navigation?.loadEventEnd ?? Number.NaN;
    });
  } finally {
    await context.close();
  }
}

export interface Interactive {
  readonly section: Section;
  /** Every JavaScript file any measured load fetched before it was interactive. */
  readonly scripts: string[];
}

export async function timeToInteractive(
  tab: TabBuild,
  apiUrl: string,
  options: { loads: number; meetingId: string },
): Promise<Interactive> {
  const port = await freePort();
  // vite.config.js reads where the API is when it is loaded.
  process.env.ROUNDTABLE_API_URL = apiUrl;
  const server = await preview({
    root: join(ROOT, 'tabs'),
    configFile: join(ROOT, 'tabs/vite.config.js'),
    logLevel: 'warn',
    build: { outDir: tab.outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  const stopServer = register(() => server.close());
  const { browser, stop: stopBrowser } = await launch();
  const base = `http://127.0.0.1:${port}`;
  const panelUrl = `${base}/?meeting=${encodeURIComponent(options.meetingId)}`;
  const blankUrl = `${base}/${writeBlankPage(tab)}`;
  try {
    // One unmeasured load of each first: the browser's own first-use costs are not the panel's.
    await loadPanel(browser, panelUrl, 'Warm-up visitor');
    await loadBlank(browser, blankUrl);
    const loads: Load[] = [];
    const blanks: number[] = [];
    for (let i = 1; i <= options.loads; i++) {
      loads.push(await loadPanel(browser, panelUrl, `Visitor ${i}`));
      blanks.push(await loadBlank(browser, blankUrl));
    }
    const interactive = loads.map((load) => load.interactiveMs);
    const scripts = [...new Set(loads.flatMap((load) => load.scripts))].sort();
    const section: Section = {
      name: 'Side panel time to interactive',
      figures: [
        {
          id: 'panel.ttiMs',
          label: `Side panel time to interactive (median of ${options.loads} cold loads)`,
          unit: 'ms',
          value: median(interactive),
          target: { op: '<=', value: 1000 },
          baseline: { value: median(blanks), label: 'blank page, same server' },
          runs: interactive.map((ms) => round(ms, 0)),
        },
      ],
      details: {
        interactive:
          'from navigation start to the first enabled Join button (view loaded and rendered)',
        loads: loads.map((load) => ({
          interactiveMs: round(load.interactiveMs, 0),
          firstContentfulPaintMs: round(load.firstContentfulPaintMs, 0),
          domContentLoadedMs: round(load.domContentLoadedMs, 0),
        })),
        blankPageLoadMs: blanks.map((ms) => round(ms, 0)),
        scriptsBeforeInteractive: scripts,
      },
    };
    return { section, scripts };
  } finally {
    await stopBrowser();
    await stopServer();
  }
}
