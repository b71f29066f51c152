// Ending the session for everyone, after a confirmation.
import { useHostWords } from './host-words.js';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { MeetingController } from '../../meeting/controller.js';
import { BusyButton } from '../BusyButton.js';
import { SendProblem } from '../SendProblem.js';
import { useSend } from '../hooks/use-send.js';

/** The longest an end waits for the dialog to report it has closed. */
const CLOSE_WAIT_MS = 1_000;

export function EndSession({
  session,
  controller,
}: {
  /** The session this panel shows: only that one ends, even if the press is retried later. */
  session: number;
  controller: MeetingController;
}) {
  const sender = useSend(controller);
  const { t } = useHostWords();
  const [open, setOpen] = useState(false);
  const closed = useRef<(() => void) | null>(null);
  // The dialog has closed, exit animation included, before the session ends: ending it removes
  // the host tools, and a modal dialog removed while open or still closing left the rest of the
  // panel hidden from screen readers (aria-hidden). If the end is refused, the dialog comes back
  // with the reason.
  async function end() {
    await new Promise<void>((resolve) => {
      closed.current = resolve;
      setOpen(false);
      // Where no exit animation is reported (reduced motion, no animation support), go on anyway.
      setTimeout(resolve, CLOSE_WAIT_MS);
    });
    closed.current = null;
    if (!(await sender.send({ type: 'endSession', session }))) setOpen(true);
  }
  return (
    <Dialog
      open={open}
      surfaceMotion={{
        onMotionFinish: (_, { direction }) => {
          if (direction === 'exit') closed.current?.();
        },
      }}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (data.open) sender.clearMessage();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('end.open')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('end.title')}</DialogTitle>
          <DialogContent>
            <p>{t('end.body')}</p>
            <SendProblem message={sender.message} />
          </DialogContent>
          <DialogActions>
            <BusyButton
              appearance="primary"
              busy={sender.busyKey !== null}
              onClick={() => void end()}
            >
              {t('end.confirm')}
            </BusyButton>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('end.keep')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
