// The meeting side panel: who speaks now and "Join" first, then the check-in and the queue,
// then host tools. It only composes; each component owns its state.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { Announcements } from '../components/Announcements.js';
import { CheckinCard } from '../components/checkin/CheckinCard.js';
import { ConnectionBanner } from '../components/ConnectionBanner.js';
import { EndedNotice } from '../components/EndedNotice.js';
import { InvitePrompt } from '../components/queue/InvitePrompt.js';
import { JoinSection } from '../components/queue/JoinSection.js';
import { LoadingNotice } from '../components/LoadingNotice.js';
import { NewSessionNotice } from '../components/NewSessionNotice.js';
import { NextSpeakerButton } from '../components/host/NextSpeakerButton.js';
import { NowSpeaking } from '../components/queue/NowSpeaking.js';
import { Queue } from '../components/queue/Queue.js';
import { useVisuallyHiddenStyles } from '../components/styles.js';
import { LazyHostTools } from '../components/host/LazyHostTools.js';
import type { MeetingController } from '../meeting/controller.js';

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
  // The session the panel opened in: a later one is news (the next occurrence of the meeting).
  const openedIn = useRef<number | null>(null);
  if (view !== null && openedIn.current === null) openedIn.current = view.session;
  // Embedded panels sit inside the page's own labelled regions, so they add no landmark.
  const Landmark = embedded ? 'div' : 'main';
  const Heading = embedded ? 'h2' : 'h1';
  return (
    <Landmark className={styles.panel}>
      <Heading className={hidden.hidden}>Roundtable</Heading>
      <ConnectionBanner status={controller.status} problem={controller.problem} />
      {/* Outside the phases, so the announcer hears a session end and the next one begin. */}
      {view === null ? null : <Announcements view={view} />}
      {view === null ? (
        <LoadingNotice />
      ) : view.phase === 'ended' ? (
        <EndedNotice />
      ) : (
        <>
          <NewSessionNotice view={view} openedIn={openedIn.current ?? view.session} />
          <InvitePrompt view={view} controller={controller} />
          <NowSpeaking view={view} controller={controller} />
          {view.you.isHost ? <NextSpeakerButton view={view} controller={controller} /> : null}
          <JoinSection view={view} controller={controller} />
          <CheckinCard view={view} controller={controller} />
          <Queue view={view} controller={controller} />
          {view.you.isHost ? <LazyHostTools view={view} controller={controller} /> : null}
        </>
      )}
    </Landmark>
  );
}
