// Said on screen as well as to screen readers: the panel has moved on to a new session of the
// meeting (the next occurrence, or the same meeting used again), so an empty queue is no surprise.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useRef } from 'react';
import type { ParticipantView } from '@roundtable/core';
import { NEW_SESSION } from './Announcements.js';

export function NewSessionNotice({ view }: { view: ParticipantView }) {
  // The session the panel opened in is not news; a later one is, until its queue fills.
  const first = useRef(view.session);
  if (view.session === first.current || view.queue.length > 0 || view.current !== null) return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>{NEW_SESSION}</MessageBarBody>
    </MessageBar>
  );
}
