// The meeting side panel: who speaks now and "Join" first, then the check-in and the queue,
// then host tools. It only composes; each component owns its state.
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import { Announcements } from '../components/Announcements.js';
import { CheckinCard } from '../components/CheckinCard.js';
import { ConnectionBanner } from '../components/ConnectionBanner.js';
import { EndedNotice } from '../components/EndedNotice.js';
import { InvitePrompt } from '../components/InvitePrompt.js';
import { JoinSection } from '../components/JoinSection.js';
import { LoadingNotice } from '../components/LoadingNotice.js';
import { NextSpeakerButton } from '../components/NextSpeakerButton.js';
import { NowSpeaking } from '../components/NowSpeaking.js';
import { Queue } from '../components/Queue.js';
import { useVisuallyHiddenStyles } from '../components/styles.js';
import type { MeetingController } from '../meeting/controller.js';

// Only hosts use the host tools, so attendees never download them (the side panel's initial
// JavaScript budget is 160 KB gzip; see npm run bench).
const HostTools = lazy(() =>
  import('../components/HostTools.js').then((module) => ({ default: module.HostTools })),
);

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

/**
 * `embedded` renders a section instead of the page's main landmark, for pages that show several
 * panels side by side (the simulator).
 */
export function SidePanel({
  controller,
  embedded = false,
}: {
  controller: MeetingController;
  embedded?: boolean;
}) {
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();
  const { view } = controller;
  // Embedded panels sit inside the page's own labelled regions, so they add no landmark.
  const Landmark = embedded ? 'div' : 'main';
  const Heading = embedded ? 'h2' : 'h1';
  return (
    <Landmark className={styles.panel}>
      <Heading className={hidden.hidden}>Roundtable</Heading>
      <ConnectionBanner status={controller.status} problem={controller.problem} />
      {view === null ? (
        <LoadingNotice />
      ) : view.phase === 'ended' ? (
        <EndedNotice />
      ) : (
        <>
          <Announcements view={view} />
          <InvitePrompt view={view} controller={controller} />
          <NowSpeaking view={view} controller={controller} />
          {view.you.isHost ? <NextSpeakerButton view={view} controller={controller} /> : null}
          <JoinSection view={view} controller={controller} />
          <CheckinCard view={view} controller={controller} />
          <Queue view={view} controller={controller} />
          {view.you.isHost ? (
            <Suspense fallback={<Spinner size="tiny" label="Loading the host tools…" />}>
              <HostTools view={view} controller={controller} />
            </Suspense>
          ) : null}
        </>
      )}
    </Landmark>
  );
}
