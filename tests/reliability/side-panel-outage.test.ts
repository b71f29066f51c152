// Storage goes away while a person presses Join in the real side panel (headless Chromium against
// Azurite, the built API and the tab's dev server). The panel says it is retrying and keeps the
// button busy; once storage is back the join lands exactly once, without a reload.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import { tableMeetingStoreFromConnectionString } from '../../api/src/adapters/storage/table-meeting-store.js';
import { chromiumAvailable, launchChromium } from '../e2e/stack.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { startTabDevServer, type TabDevServer } from '../support/tab-dev-server.js';
import { printFigures } from './figures.js';

const SECRET = 'reliability-panel-secret-0123456789-abcdefghijk';
const TABLE = 'meetingspanel';
const meetingId = `reliability-panel-${Date.now().toString(36)}`;
const NOTE = 'Kept through the outage';

const suite = chromiumAvailable() ? describe : describe.skip;
let folder: string | undefined;
let azurite: Azurite | undefined;
let api: ApiProcess | undefined;
let tab: TabDevServer | undefined;
let browser: Browser | undefined;

suite('the side panel while storage is away', () => {
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'roundtable-reliability-'));
    azurite = await startAzurite({ location: folder });
    api = await startApiProcess({
      storage: azurite.connectionString,
      secret: SECRET,
      tableName: TABLE,
    });
    [tab, browser] = await Promise.all([startTabDevServer(api.url), launchChromium()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await tab?.stop();
    await api?.kill();
    await azurite?.stop();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  it('says it is retrying, then lands the join exactly once without a reload', async () => {
    if (azurite === undefined || tab === undefined || browser === undefined || api === undefined)
      throw new Error('The stack did not start.');
    const page: Page = await browser.newPage({ viewport: { width: 400, height: 900 } });
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/commands'))
        posts.push((JSON.parse(request.postData() ?? '{}') as { id: string }).id);
    });
    let loads = 0;
    page.on('load', () => (loads += 1));
    await page.goto(`${tab.url}/index.html?meeting=${encodeURIComponent(meetingId)}`);
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('button', { name: 'Open the side panel' }).click();
    const join = page.getByRole('button', { name: 'Join', exact: true });
    await join.waitFor({ timeout: 30_000 });

    await azurite.stop();
    await page.getByLabel('Note (optional)').fill(NOTE);
    await join.click();
    // The panel says what is happening and that it keeps trying; nothing has landed yet.
    const retrying = page.getByText(/Trying again/);
    await retrying.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: /^Leave/ }).count()).toBe(0);
    expect(await page.getByLabel('Note (optional)').inputValue()).toBe(NOTE);

    await azurite.restart();
    await page
      .getByRole('button', { name: /^Leave/ })
      .first()
      .waitFor({ timeout: 20_000 });
    await retrying.waitFor({ state: 'detached', timeout: 5_000 });
    const queue = page.getByRole('list', { name: /^Queue \(/ }).getByRole('listitem');
    expect(await queue.allInnerTexts()).toEqual([expect.stringContaining(NOTE)]);

    // One id, sent more than once; one entry and one record in storage.
    expect(posts.length).toBeGreaterThan(1);
    expect(new Set(posts).size).toBe(1);
    const store = tableMeetingStoreFromConnectionString(azurite.connectionString, TABLE);
    const key = new HmacPseudonymiser(SECRET).meetingKey(meetingId);
    const stored = await store.load(key);
    expect(stored?.state.queue.map((entry) => entry.note)).toEqual([NOTE]);
    const joined = (await store.records(key, 1)).filter((record) => record.type === 'entryJoined');
    expect(joined).toHaveLength(1);
    expect(loads).toBe(1);

    printFigures('side panel outage', {
      faults: 1,
      joinAttempts: posts.length,
      commandIds: new Set(posts).size,
      entriesStored: stored?.state.queue.length ?? 0,
      reloads: loads - 1,
      dataLost: 1 - joined.length,
    });
  }, 90_000);
});
