// What a person sees when Teams could not sign them in to Roundtable, and what they can do.
// Who cannot be counted is said the same way in the summary's notes and the README.
import { Button } from '@fluentui/react-components';
import type { SignInControls } from '../../teams/use-sign-in.js';
import { BusyButton } from '../BusyButton.js';
import { Notice } from './Notice.js';

export interface SignInNoticeProps {
  readonly controls: SignInControls;
  /** Whether this build can open the consent pop-up (it needs the Entra app's client id). */
  readonly canAskConsent: boolean;
}

export function SignInNotice({ controls, canAskConsent }: SignInNoticeProps) {
  const { state } = controls;
  if (state.kind === 'anonymous') {
    return (
      <Notice title="Sign in to Teams to use Roundtable">
        <p>
          You joined this meeting without signing in. Roundtable needs a Teams work or school
          account to keep the queue fair and anonymous, so it cannot count you in here.
        </p>
        <p>You can still take part: ask the host to call on you, or raise your hand in Teams.</p>
      </Notice>
    );
  }
  if (state.kind === 'consent') {
    return (
      <Notice
        title="Roundtable needs your permission"
        actions={
          canAskConsent ? (
            <BusyButton appearance="primary" busy={state.asking} onClick={controls.giveConsent}>
              Give permission
            </BusyButton>
          ) : (
            <Button onClick={controls.retry}>Try again</Button>
          )
        }
      >
        <p>
          Before Roundtable can show you this meeting&apos;s queue, Microsoft needs your OK for it
          to know who you are. It sees your name and account, and nothing else.
        </p>
        {canAskConsent ? null : (
          <p>Ask your Microsoft 365 admin to give consent for Roundtable for everyone.</p>
        )}
        {state.refusal === null ? null : (
          <p>Permission was not given ({state.refusal}). You can ask again at any time.</p>
        )}
      </Notice>
    );
  }
  if (state.kind !== 'failed') return null;
  return (
    <Notice
      urgent
      title="Teams could not sign you in"
      actions={
        <Button appearance="primary" onClick={controls.retry}>
          Try again
        </Button>
      }
    >
      <p>{state.message}</p>
    </Notice>
  );
}
