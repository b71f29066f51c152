// When the page cannot run: Teams did not finish opening it, or it was opened outside Teams.
import { Button } from '@fluentui/react-components';
import { Notice } from './Notice.js';

export function HostFailed({ message }: { message: string }) {
  return (
    <Notice
      urgent
      title="Roundtable could not open"
      actions={
        <Button
          appearance="primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          Try again
        </Button>
      }
    >
      <p>{message}</p>
      <p>Trying again reloads Roundtable; nothing in the meeting is lost.</p>
    </Notice>
  );
}

export function OutsideTeams() {
  return (
    <Notice title="Roundtable runs inside Microsoft Teams">
      <p>
        Open a meeting in Teams and choose Roundtable from the meeting&apos;s apps to see the
        speaking queue, check-ins and the meeting&apos;s summary.
      </p>
    </Notice>
  );
}
