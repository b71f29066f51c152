// The message from a refused command, shown next to the control that sent it.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export function SendProblem({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
