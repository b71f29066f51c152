// The tab's configuration page: Teams shows it when someone adds Roundtable to a meeting. Opened
// in a browser it says what Roundtable is, what it keeps, and that it needs Teams.
import {
  Body1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { connectConfigPage } from '../teams/tab-config.js';
import type { TeamsSession, TeamsTheme } from '../teams/teams-host.js';
import { fluentThemeFor, systemTheme } from '../theme/themes.js';

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

type Host = 'connecting' | 'teams' | 'outside';

export interface ConfigPageProps {
  /** Connects to Teams and offers Save; resolves null outside Teams. */
  readonly connect?: () => Promise<TeamsSession | null>;
}

export function ConfigPage({ connect = connectConfigPage }: ConfigPageProps) {
  const styles = useStyles();
  const [host, setHost] = useState<Host>('connecting');
  const [theme, setTheme] = useState<TeamsTheme>(systemTheme);
  useEffect(() => {
    let current = true;
    void connect().then((session) => {
      if (!current) return;
      if (session === null) {
        setHost('outside');
        return;
      }
      setTheme(session.theme);
      session.onThemeChange(setTheme);
      setHost('teams');
    });
    return () => {
      current = false;
    };
  }, [connect]);
  return (
    <FluentProvider theme={fluentThemeFor(theme)} style={{ minHeight: '100vh' }}>
      <main className={styles.page}>
        <Title2 as="h1">Roundtable</Title2>
        <Body1 as="p">
          Roundtable adds a fair speaking queue and anonymous check-ins to this meeting, so every
          voice is heard, and gives the organiser an inclusion summary when it ends.
        </Body1>
        <div role="status">
          {host === 'connecting' && <Spinner size="tiny" label="Connecting to Teams…" />}
          {host === 'teams' && <Body1 as="p">Select Save to add Roundtable to this meeting.</Body1>}
          {host === 'outside' && (
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
    </FluentProvider>
  );
}
