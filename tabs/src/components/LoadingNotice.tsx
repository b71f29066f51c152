// Shown until the first view arrives.
import { Spinner } from '@fluentui/react-components';

export function LoadingNotice() {
  return <Spinner size="small" label="Opening the meeting's queue…" />;
}
