// Said on screen as well as to screen readers: the panel has moved on to a new session of the
// meeting (the next occurrence, or the same meeting used again), so an empty queue is no surprise.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ParticipantView } from '@roundtable/core';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { focusFellOut } from './hooks/focus-fell-out.js';

/** `openedIn`: the session the panel opened in, which is not news; a later one is, until used. */
export function NewSessionNotice({ view, openedIn }: { view: ParticipantView; openedIn: number }) {
  if (view.session === openedIn || view.queue.length > 0 || view.current !== null) return null;
  return <Shown />;
}

function Shown() {
  const { t } = useI18n();
  const notice = useRef<HTMLDivElement>(null);
  // It replaces "This session has ended", which may have held keyboard focus: take it over.
  useEffect(() => {
    if (focusFellOut()) notice.current?.focus();
  }, []);
  return (
    <div ref={notice} tabIndex={-1}>
      <MessageBar intent="info">
        <MessageBarBody>{t('session.new')}</MessageBarBody>
      </MessageBar>
    </div>
  );
}
