// The tab's configuration page: Teams shows it when someone adds Roundtable to a meeting. Opened
// in a browser it says what Roundtable is, what it keeps, and that it needs Teams.
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
import type { HostSource } from '../teams/teams-host.js';
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
  const styles = useStyles();
  const { host, theme } = useTeamsHost(source);
  const inTeams = host.kind === 'teams';
  const session = host.kind === 'teams' ? host.session : null;
  useEffect(() => {
    // The manifest asks Teams for its loading indicator until the page says it is ready.
    if (session === null) return;
    void offerToSave().then(() => {
      session.notifyLoaded();
    });
  }, [session, offerToSave]);
  return (
    <ThemedPage theme={theme}>
      <main className={styles.page}>
        <Title2 as="h1">Roundtable</Title2>
        <Body1 as="p">
          Roundtable adds a fair speaking queue and anonymous check-ins to this meeting, so every
          voice is heard, and gives the organiser an inclusion summary when it ends.
        </Body1>
        <div role="status">
          {host.kind === 'connecting' && <Spinner size="tiny" label="Connecting to Teams…" />}
          {inTeams && <Body1 as="p">Select Save to add Roundtable to this meeting.</Body1>}
          {host.kind === 'failed' && (
            <MessageBar intent="error">
              <MessageBarBody>
                {host.message} Close this dialog and add Roundtable again.
              </MessageBarBody>
            </MessageBar>
          )}
          {(host.kind === 'outside' || host.kind === 'local') && (
            <MessageBar intent="warning">
              <MessageBarBody>
                This page works only inside Microsoft Teams, where it adds Roundtable to a meeting.
                Open a meeting in Teams and add Roundtable from its apps.
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        <section id="privacy" aria-labelledby="privacy-heading" className={styles.section}>
          <Subtitle2 as="h2" id="privacy-heading">
            Privacy
          </Subtitle2>
          <ul className={styles.list}>
            <li>
              <Body1>
                While a meeting runs, Roundtable keeps names, the queue and check-in answers only to
                run it. Names, notes and answers are forgotten when the meeting ends.
              </Body1>
            </li>
            <li>
              <Body1>
                Afterwards it keeps counts without names: participation records for 30 days and the
                meeting&apos;s summary for 400 days. Check-in results appear only from three
                answers.
              </Body1>
            </li>
            <li>
              <Body1>
                Only the meeting&apos;s hosts can open the summary, and the organiser can erase the
                meeting at any time.
              </Body1>
            </li>
          </ul>
        </section>
        <section id="terms" aria-labelledby="terms-heading" className={styles.section}>
          <Subtitle2 as="h2" id="terms-heading">
            Terms of use
          </Subtitle2>
          <Body1 as="p">
            Your organisation runs Roundtable in its own Microsoft 365 tenant and Azure
            subscription, and its data stays there. Your organisation&apos;s terms for the tools it
            provides apply.
          </Body1>
        </section>
      </main>
    </ThemedPage>
  );
}
