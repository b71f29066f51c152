// How live the panel is, said calmly, and the controller's problem sentence when there is one.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18n.js';
import type { Said } from '../i18n/translator.js';
import type { MessageKey } from '../i18n/messages/en.js';
import type { ConnectionStatus } from '../meeting/controller.js';

const STATUS_TEXT: Readonly<Record<Exclude<ConnectionStatus, 'live'>, MessageKey>> = {
  connecting: 'connection.connecting',
  reconnecting: 'connection.reconnecting',
  polling: 'connection.polling',
};

export interface ConnectionBannerProps {
  readonly status: ConnectionStatus;
  readonly problem: Said | null;
}

export function ConnectionBanner({ status, problem }: ConnectionBannerProps) {
  const { t, say } = useI18n();
  return (
    <>
      {status === 'live' ? null : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t(STATUS_TEXT[status])}</MessageBarBody>
        </MessageBar>
      )}
      {problem === null ? null : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{say(problem)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
