// How live the panel is, said calmly, and the controller's problem sentence when there is one.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ConnectionStatus } from '../meeting/controller.js';

const STATUS_TEXT: Readonly<Record<Exclude<ConnectionStatus, 'live'>, string>> = {
  connecting: 'Connecting to the meeting…',
  reconnecting: 'Reconnecting…',
  polling: 'Updates every few seconds while live updates are unavailable',
};

export interface ConnectionBannerProps {
  readonly status: ConnectionStatus;
  readonly problem: string | null;
}

export function ConnectionBanner({ status, problem }: ConnectionBannerProps) {
  return (
    <>
      {status === 'live' ? null : (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{STATUS_TEXT[status]}</MessageBarBody>
        </MessageBar>
      )}
      {problem === null ? null : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
