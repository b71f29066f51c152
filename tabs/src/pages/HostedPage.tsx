// Every page's frame: the Teams theme, and what to show while the host connects or when the
// page cannot run. The page itself says what to show in local mode and inside Teams.
import type { ReactNode } from 'react';
import { HostConnecting } from '../components/access/HostConnecting.js';
import { HostFailed, OutsideTeams } from '../components/access/HostProblem.js';
import { PageErrorBoundary } from '../components/access/PageErrorBoundary.js';
import type { Lifecycle } from '../teams/lifecycle.js';
import type { HostSource } from '../teams/teams-host.js';
import type { TeamsSession } from '../teams/teams-session.js';
import { useTeamsHost } from '../teams/use-teams-host.js';
import { ThemedPage } from '../theme/ThemedPage.js';
import { LanguageProvider } from '../i18n/I18n.js';
import { languageTagFor } from '../i18n/host-language.js';

export interface HostedPageProps {
  /** Where the page runs: the page's own host connection unless a test gives another. */
  readonly source?: HostSource | undefined;
  readonly surface?: 'panel' | 'page' | undefined;
  readonly local: () => ReactNode;
  readonly teams: (session: TeamsSession, lifecycle: Lifecycle) => ReactNode;
}

export function HostedPage({ source, surface, local, teams }: HostedPageProps) {
  const { host, theme } = useTeamsHost(source);
  return (
    <LanguageProvider tag={languageTagFor(host)}>
      <ThemedPage theme={theme} surface={surface}>
        <PageErrorBoundary>
          {host.kind === 'connecting' && <HostConnecting />}
          {host.kind === 'local' && local()}
          {host.kind === 'outside' && <OutsideTeams />}
          {host.kind === 'failed' && <HostFailed message={host.message} />}
          {host.kind === 'teams' && teams(host.session, host.lifecycle)}
        </PageErrorBoundary>
      </ThemedPage>
    </LanguageProvider>
  );
}
