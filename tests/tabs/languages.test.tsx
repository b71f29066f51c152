// The side panel in German and Arabic: the reader's catalogue, numbers and clocks through Intl,
// right to left in Arabic, the language Teams gives (app.locale) or the query's in local mode,
// built-in prompts translated while a host's own stays as written, refusals by their code.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { LanguageProvider, useI18n } from '../../tabs/src/i18n/I18n.js';
import { pickLanguage } from '../../tabs/src/i18n/languages.js';
import { HostedPage } from '../../tabs/src/pages/HostedPage.js';
import { ThemedPage } from '../../tabs/src/theme/ThemedPage.js';
import { loadHostTools } from '../../tabs/src/components/host/LazyHostTools.js';
import { ConnectedPanel, FakeController, FakeMeeting } from './fake-controller.js';
import { FakeHost, fakeSession, teamsHostWith } from './fake-host.js';

/** Olivia hosts with a two-minute timebox; Bea speaks; Chen and Amir wait. */
function meeting(): FakeMeeting {
  return FakeMeeting.with({
    olivia: 'organizer',
    amir: 'attendee',
    bea: 'attendee',
    chen: 'attendee',
  })
    .do('olivia', { type: 'setTimebox', seconds: 120 })
    .do('bea', { type: 'join', kind: 'point' })
    .do('olivia', { type: 'next', currentTurnId: null })
    .do('chen', { type: 'join', kind: 'reply' })
    .do('amir', { type: 'join', kind: 'point' });
}

function renderIn(tag: string, fake: FakeController) {
  return render(
    <LanguageProvider tag={tag}>
      <ThemedPage theme="default" surface="panel">
        <ConnectedPanel fake={fake} />
      </ThemedPage>
    </LanguageProvider>,
  );
}

/** The Fluent root the page renders into: where `dir` flips every Fluent style. */
function fluentRoot(container: HTMLElement): HTMLElement {
  const root = container.querySelector('.fui-FluentProvider');
  if (!(root instanceof HTMLElement)) throw new Error('No FluentProvider root');
  return root;
}

beforeAll(async () => {
  await loadHostTools();
});

afterEach(() => {
  document.documentElement.removeAttribute('dir');
  document.documentElement.removeAttribute('lang');
  window.history.replaceState({}, '', '/');
});

describe('languages', () => {
  it('picks a language Roundtable has from a BCP 47 tag, English otherwise', () => {
    expect(pickLanguage('de-DE')).toBe('de');
    expect(pickLanguage('de_at')).toBe('de');
    expect(pickLanguage('AR-sa')).toBe('ar');
    expect(pickLanguage('fr-fr')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });

  it('shows the side panel in German, numbers and the countdown by Intl, left to right', async () => {
    const fake = new FakeController(meeting(), 'amir');
    const { container } = renderIn('de-DE', fake);

    const now = await screen.findByRole('region', { name: 'Jetzt spricht' });
    expect(within(now).getByText('Bea')).toBeTruthy();
    expect(within(now).getByText('Neuer Beitrag')).toBeTruthy();
    expect(within(now).getByRole('timer').textContent).toBe('Noch 2:00 von 2:00');
    expect(screen.getByRole('heading', { name: 'Redeliste (2 warten)' })).toBeTruthy();
    const queue = screen.getByRole('list', { name: /^Redeliste/ });
    expect(within(queue).getByText('Direkte Antwort')).toBeTruthy();
    // Amir is second: German says the place as a number.
    expect(screen.getAllByText('Sie sind auf Platz 2').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Melden' })).toBeTruthy();
    expect(screen.getByText('Noch 140 von 140 Zeichen')).toBeTruthy();
    expect(fluentRoot(container).getAttribute('dir')).toBe('ltr');
    expect(document.documentElement.lang).toBe('de');
    expect(screen.queryByText(/Now speaking|Join|waiting/)).toBeNull();
  });

  it('shows the side panel in Arabic, right to left, with Arabic digits', async () => {
    const fake = new FakeController(meeting(), 'amir');
    // Saudi Arabic writes Arabic-Indic digits (Intl, by region); the words are the same catalogue.
    const { container } = renderIn('ar-SA', fake);

    const now = await screen.findByRole('region', { name: 'من يتحدث الآن' });
    expect(within(now).getByText('نقطة جديدة')).toBeTruthy();
    expect(within(now).getByRole('timer').textContent).toBe('بقي ٢:٠٠ من ٢:٠٠');
    expect(screen.getByRole('heading', { name: 'قائمة المتحدثين (في الانتظار: ٢)' })).toBeTruthy();
    expect(screen.getAllByText('ترتيبك في القائمة: ٢').length).toBeGreaterThan(0);
    expect(fluentRoot(container).getAttribute('dir')).toBe('rtl');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
  });

  it('says the host timebox choices and the check-in answers in the reader’s plural forms', async () => {
    const answered = meeting()
      .do('olivia', { type: 'openCheckin', promptId: 'felt-heard' })
      .do('amir', { type: 'answerCheckin', checkinId: 'c1', value: 4 });
    const fake = new FakeController(answered, 'olivia');
    renderIn('ar', fake);

    await screen.findByRole('region', { name: 'أدوات إدارة الاجتماع' });
    fireEvent.click(screen.getByRole('button', { name: 'ترتيب القائمة والوقت المحدد' }));
    // The built-in prompt in Arabic; Intl names the minutes with Arabic's dual.
    expect(screen.getAllByText('هل كان صوتك مسموعًا في هذا الاجتماع؟').length).toBeGreaterThan(0);
    const timebox = screen.getByRole('combobox', { name: 'الوقت المحدد لكل دور' });
    expect(within(timebox).getByRole('option', { name: 'دقيقتان' })).toBeTruthy();
  });

  it('keeps a host’s own prompt in the words it was written in', async () => {
    const custom = meeting().do('olivia', {
      type: 'openCheckin',
      text: 'What is one thing we should stop doing?',
      scale: 'word',
    });
    renderIn('de', new FakeController(custom, 'amir'));

    const checkin = await screen.findByRole('region', { name: 'Check-in' });
    expect(within(checkin).getByText('What is one thing we should stop doing?')).toBeTruthy();
    expect(
      within(checkin).getByRole('textbox', { name: 'Ihre Antwort (ein oder zwei Wörter)' }),
    ).toBeTruthy();
  });

  it('words a refusal by its code in the reader’s language, the English detail otherwise', async () => {
    const fake = new FakeController(meeting(), 'amir');
    fake.refuseWith = {
      key: 'problem.queue-locked',
      english: 'The host has locked the queue.',
    };
    const { rerender } = renderIn('de', fake);
    await screen.findByRole('region', { name: 'Jetzt spricht' });
    fake.setConnection('live', {
      key: 'problem.unavailable.storage',
      values: { seconds: 3 },
      english: 'x',
    });
    expect(
      screen.getByText(
        'Roundtable erreicht seinen Speicher gerade nicht. Neuer Versuch in 3 s; nichts Gesendetes geht verloren.',
      ),
    ).toBeTruthy();
    fake.setConnection('live', { key: 'problem.some-newer-code', english: 'A newer refusal.' });
    rerender(
      <LanguageProvider tag="de">
        <ThemedPage theme="default" surface="panel">
          <ConnectedPanel fake={fake} />
        </ThemedPage>
      </LanguageProvider>,
    );
    expect(screen.getByText('A newer refusal.')).toBeTruthy();
  });

  it("follows Teams' app.locale inside Teams", async () => {
    const host = new FakeHost(teamsHostWith(fakeSession({ locale: 'ar-ae' })));
    render(<HostedPage source={host} local={() => null} teams={() => <Probe />} />);
    expect(await screen.findByText('من يتحدث الآن')).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('takes ?lang= in local mode', async () => {
    window.history.replaceState({}, '', '/?lang=de');
    const host = new FakeHost({ kind: 'local' });
    render(<HostedPage source={host} local={() => <Probe />} teams={() => null} />);
    expect(await screen.findByText('Jetzt spricht')).toBeTruthy();
    expect(document.documentElement.dir).toBe('ltr');
  });
});

function Probe() {
  const { t } = useI18n();
  return <p>{t('now.heading')}</p>;
}
