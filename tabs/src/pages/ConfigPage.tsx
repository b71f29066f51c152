// The tab's configuration page: Teams shows it when someone adds Roundtable to a meeting. Opened
// in a browser it says what Roundtable is, what it keeps, and that it needs Teams.
import { LanguageProvider, useI18n } from '../i18n/I18n.js';
import { languageTagFor } from '../i18n/host-language.js';
import { pageWords } from '../i18n/page-words.js';
import english, { type ConfigKey } from '../i18n/messages/config/en.js';
import {
  Body1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import { offerToSaveInTeams } from '../teams/tab-config.js';
import type { Host, HostSource } from '../teams/teams-host.js';
import { useTeamsHost } from '../teams/use-teams-host.js';
import { ThemedPage } from '../theme/ThemedPage.js';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '40rem',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    // Spacing comes from the gaps alone.
    '& h1, & h2, & p': { margin: 0 },
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export interface ConfigPageProps {
  /** Where the page runs; the page's own Teams connection unless a test gives another. */
  readonly source?: HostSource;
  /** Enables Teams' Save button; called once inside Teams. */
  readonly offerToSave?: () => Promise<void>;
}

export function ConfigPage({ source, offerToSave = offerToSaveInTeams }: ConfigPageProps) {
  const { host, theme } = useTeamsHost(source);
  const session = host.kind === 'teams' ? host.session : null;
  useEffect(() => {
    // The manifest asks Teams for its loading indicator until the page says it is ready.
    if (session === null) return;
    void offerToSave().then(() => {
      session.notifyLoaded();
    });
  }, [session, offerToSave]);
  return (
    <LanguageProvider tag={languageTagFor(host)}>
      <ThemedPage theme={theme}>
        <configWords.Provider>
          <ConfigContent host={host} />
        </configWords.Provider>
      </ThemedPage>
    </LanguageProvider>
  );
}

const configWords = pageWords<ConfigKey>(english, {
  de: () => import('../i18n/messages/config/de.js').then((module) => module.default),
  ar: () => import('../i18n/messages/config/ar.js').then((module) => module.default),
});

function ConfigContent({ host }: { host: Host }) {
  const styles = useStyles();
  const { t } = configWords.useWords();
  const { say } = useI18n();
  const inTeams = host.kind === 'teams';
  return (
    <main className={styles.page}>
      <Title2 as="h1">Roundtable</Title2>
      <Body1 as="p">{t('config.about')}</Body1>
      <div role="status">
        {host.kind === 'connecting' && <Spinner size="tiny" label={t('config.connecting')} />}
        {inTeams && <Body1 as="p">{t('config.save')}</Body1>}
        {host.kind === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>{t('config.failed', { problem: say(host.message) })}</MessageBarBody>
          </MessageBar>
        )}
        {(host.kind === 'outside' || host.kind === 'local') && (
          <MessageBar intent="warning">
            <MessageBarBody>{t('config.outside')}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <section id="privacy" aria-labelledby="privacy-heading" className={styles.section}>
        <Subtitle2 as="h2" id="privacy-heading">
          {t('config.privacy')}
        </Subtitle2>
        <ul className={styles.list}>
          <li>
            <Body1>{t('config.privacy.during')}</Body1>
          </li>
          <li>
            <Body1>{t('config.privacy.after')}</Body1>
          </li>
          <li>
            <Body1>{t('config.privacy.who')}</Body1>
          </li>
        </ul>
      </section>
      <section id="terms" aria-labelledby="terms-heading" className={styles.section}>
        <Subtitle2 as="h2" id="terms-heading">
          {t('config.terms')}
        </Subtitle2>
        <Body1 as="p">{t('config.terms.body')}</Body1>
      </section>
    </main>
  );
}
