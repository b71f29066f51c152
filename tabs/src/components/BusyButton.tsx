// A Fluent button that shows a small spinner while its command is on the way. It stays focusable
// while busy, so keyboard focus never drops to the page.
import { Button, Spinner } from '@fluentui/react-components';
import type { ButtonProps } from '@fluentui/react-components';

export type BusyButtonProps = ButtonProps & {
  busy: boolean;
  /** A callback ref (see usePendingFocus): Fluent's union props accept no object refs. */
  ref?: (element: HTMLElement | null) => void;
};

export function BusyButton({ busy, icon, disabledFocusable, ...rest }: BusyButtonProps) {
  const shownIcon = busy ? <Spinner size="extra-tiny" aria-hidden /> : icon;
  return (
    <Button
      {...rest}
      {...(shownIcon === undefined ? {} : { icon: shownIcon })}
      disabledFocusable={busy || disabledFocusable === true}
    />
  );
}
