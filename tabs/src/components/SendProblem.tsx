// The message from a refused command, shown next to the control that sent it.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18n.js';
import type { Said } from '../i18n/translator.js';

export function SendProblem({ message }: { message: Said | null }) {
  const { say } = useI18n();
  if (message === null) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{say(message)}</MessageBarBody>
    </MessageBar>
  );
}
