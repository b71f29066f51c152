// Said on screen as well as to screen readers: the panel has moved on to a new session of the
// meeting (the next occurrence, or the same meeting used again), so an empty queue is no surprise.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ParticipantView } from '@roundtable/core';
import { useI18n } from '../i18n/I18n.js';

/** `openedIn`: the session the panel opened in, which is not news; a later one is, until used. */
export function NewSessionNotice({ view, openedIn }: { view: ParticipantView; openedIn: number }) {
  const { t } = useI18n();
  if (view.session === openedIn || view.queue.length > 0 || view.current !== null) return null;
  return (
    <MessageBar intent="info">
      <MessageBarBody>{t('session.new')}</MessageBarBody>
    </MessageBar>
  );
}
