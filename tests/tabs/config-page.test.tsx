// The configuration page Teams shows when Roundtable is added to a meeting, with a fake Teams.
import { describe, expect, it, jest } from '@jest/globals';
import { teamsDarkTheme, teamsLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import type { SaveEvent, TabInstance, TabSaver } from '../../tabs/src/teams/tab-config.js';
import { FakeHost, fakeSession, teamsHostWith } from './fake-host.js';

// teams-js cannot load in jsdom (it needs fetch) and must not be called here: every use fails.
jest.unstable_mockModule('@microsoft/teams-js', () => {
  const refuse = () => {
    throw new Error('Tests must not call teams-js.');
  };
  return {
    app: { initialize: refuse, getContext: refuse, notifySuccess: refuse },
    authentication: { getAuthToken: refuse },
    pages: {
      config: { registerOnSaveHandler: refuse, setConfig: refuse, setValidityState: refuse },
    },
  };
});

const { ConfigPage } = await import('../../tabs/src/pages/ConfigPage.js');
const { offerToSave, tabInstanceFor } = await import('../../tabs/src/teams/tab-config.js');

/** Records what the page asks of Teams' pages.config, and plays the Save button. */
class FakeSaver implements TabSaver {
  saved: TabInstance[] = [];
  validity: boolean[] = [];
  failSave = false;
  private handler: ((event: SaveEvent) => void) | undefined;

  registerOnSaveHandler(handler: (event: SaveEvent) => void): void {
    this.handler = handler;
  }

  setConfig(instance: TabInstance): Promise<void> {
    if (this.failSave) return Promise.reject(new Error('host refused'));
    this.saved.push(instance);
    return Promise.resolve();
  }

  setValidityState(valid: boolean): void {
    this.validity.push(valid);
  }

  /** Presses Save; resolves with what the page told Teams. */
  pressSave(): Promise<{ ok: true } | { ok: false; reason: string | undefined }> {
    return new Promise((resolve) => {
      if (this.handler === undefined) throw new Error('No save handler was registered.');
      this.handler({
        notifySuccess: () => {
          resolve({ ok: true });
        },
        notifyFailure: (reason) => {
          resolve({ ok: false, reason });
        },
      });
    });
  }
}

/** The CSS variables FluentProvider writes for one provider element's theme. */
function themeVariables(provider: Element): string {
  const own = [...provider.classList].find((name) => /^fui-FluentProvider.+/.test(name));
  return [...document.querySelectorAll('style')]
    .flatMap((style) => [...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText))
    .filter((text) => own !== undefined && text.startsWith(`.${own} `))
    .join('\n');
}

describe('saving the tab', () => {
  it('points every meeting surface at the side panel page, with the browser link to this page', () => {
    expect(tabInstanceFor('https://tab.example.com')).toEqual({
      contentUrl: 'https://tab.example.com/index.html',
      websiteUrl: 'https://tab.example.com/config.html',
      entityId: 'roundtable',
      suggestedDisplayName: 'Roundtable',
    });
  });

  it('enables Save at once and saves the tab when Save is pressed', async () => {
    const saver = new FakeSaver();
    const instance = tabInstanceFor('https://tab.example.com');
    offerToSave(saver, instance);
    expect(saver.validity).toEqual([true]);
    expect(saver.saved).toEqual([]);
    await expect(saver.pressSave()).resolves.toEqual({ ok: true });
    expect(saver.saved).toEqual([instance]);
  });

  it('tells Teams why when the save fails, so the person can try again', async () => {
    const saver = new FakeSaver();
    saver.failSave = true;
    offerToSave(saver, tabInstanceFor('https://tab.example.com'));
    await expect(saver.pressSave()).resolves.toEqual({
      ok: false,
      reason: 'Teams could not save the Roundtable tab. Please try again.',
    });
  });
});

describe('the configuration page', () => {
  it('says what Roundtable adds, and asks for Save inside Teams', async () => {
    const saver = new FakeSaver();
    const offer = jest.fn(() => {
      offerToSave(saver, tabInstanceFor('https://tab.example.com'));
      return Promise.resolve();
    });
    const session = fakeSession({ frameContext: 'settings' });
    const host = new FakeHost(teamsHostWith(session));
    const { container } = render(<ConfigPage source={host} offerToSave={offer} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Roundtable' })).toBeTruthy();
    expect(screen.getByText(/adds a fair speaking queue and anonymous check-ins/)).toBeTruthy();
    expect(await screen.findByText('Select Save to add Roundtable to this meeting.')).toBeTruthy();
    expect(screen.queryByText(/works only inside Microsoft Teams/)).toBeNull();
    expect(offer).toHaveBeenCalledTimes(1);
    expect(saver.validity.at(-1)).toBe(true);
    // Teams shows its loading indicator until told the page is ready.
    expect(session.told).toEqual([{ kind: 'loaded' }]);
    expect((await axe(container)).violations).toEqual([]);
  });

  it.each(['outside', 'local'] as const)(
    'says it works only inside Teams when opened %s, and offers no Save',
    async (kind) => {
      const offer = jest.fn(() => Promise.resolve());
      const { container } = render(
        <ConfigPage source={new FakeHost({ kind })} offerToSave={offer} />,
      );
      const status = screen.getByRole('status');
      expect(await screen.findByText(/This page works only inside Microsoft Teams/)).toBeTruthy();
      expect(status.textContent).toMatch(/works only inside Microsoft Teams/);
      expect(screen.queryByText(/Select Save/)).toBeNull();
      expect(offer).not.toHaveBeenCalled();
      expect((await axe(container)).violations).toEqual([]);
    },
  );

  it('says what went wrong when Teams did not finish opening the page', () => {
    render(
      <ConfigPage
        source={
          new FakeHost({ kind: 'failed', message: 'Teams did not finish opening Roundtable.' })
        }
        offerToSave={() => Promise.resolve()}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(
      /Teams did not finish opening Roundtable\. Close this dialog and add Roundtable again\./,
    );
  });

  it('has the privacy and terms sections the manifest links to', () => {
    const { container } = render(<ConfigPage source={new FakeHost()} />);
    expect(screen.getByRole('status').textContent).toMatch(/Connecting to Teams/);
    const privacy = container.querySelector('#privacy');
    const terms = container.querySelector('#terms');
    expect(privacy?.querySelector('h2')?.textContent).toBe('Privacy');
    expect(privacy?.textContent).toMatch(/forgotten when the meeting ends/);
    expect(terms?.querySelector('h2')?.textContent).toBe('Terms of use');
  });

  it('follows the Teams theme, and its changes', async () => {
    const host = new FakeHost(teamsHostWith(fakeSession({ frameContext: 'settings' })), 'dark');
    const { container } = render(
      <ConfigPage source={host} offerToSave={() => Promise.resolve()} />,
    );
    const provider = container.firstElementChild ?? container;
    await screen.findByText('Select Save to add Roundtable to this meeting.');
    expect(themeVariables(provider)).toContain(
      `--colorNeutralBackground1: ${teamsDarkTheme.colorNeutralBackground1};`,
    );
    host.set({ theme: 'default' });
    expect(themeVariables(provider)).toContain(
      `--colorNeutralBackground1: ${teamsLightTheme.colorNeutralBackground1};`,
    );
  });
});
