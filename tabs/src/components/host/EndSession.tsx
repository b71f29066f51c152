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
import { useState } from 'react';
import type { MeetingController } from '../../meeting/controller.js';
import { BusyButton } from '../BusyButton.js';
import { SendProblem } from '../SendProblem.js';
import { useSend } from '../hooks/use-send.js';

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
  // The dialog closes before the session ends: ending it removes the host tools, and a modal
  // dialog removed while open left the rest of the panel hidden from screen readers
  // (aria-hidden). If the end is refused, the dialog comes back with the reason.
  async function end() {
    setOpen(false);
    if (!(await sender.send({ type: 'endSession', session }))) setOpen(true);
  }
  return (
    <Dialog
      open={open}
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
