// What a person sees when Teams could not sign them in to Roundtable, and what they can do.
// Who cannot be counted is said the same way in the summary's notes and the README.
import { Button } from '@fluentui/react-components';
import type { SignInControls } from '../../teams/use-sign-in.js';
import { BusyButton } from '../BusyButton.js';
import { Notice } from './Notice.js';
import { useI18n } from '../../i18n/I18n.js';

export interface SignInNoticeProps {
  readonly controls: SignInControls;
  /** Whether this build can open the consent pop-up (it needs the Entra app's client id). */
  readonly canAskConsent: boolean;
}

export function SignInNotice({ controls, canAskConsent }: SignInNoticeProps) {
  const { state } = controls;
  const { t, say } = useI18n();
  if (state.kind === 'anonymous') {
    return (
      <Notice title={t('signIn.anonymous.title')}>
        <p>{t('signIn.anonymous.body')}</p>
        <p>{t('signIn.anonymous.voice')}</p>
      </Notice>
    );
  }
  if (state.kind === 'consent') {
    return (
      <Notice
        title={t('signIn.consent.title')}
        actions={
          canAskConsent ? (
            <BusyButton appearance="primary" busy={state.asking} onClick={controls.giveConsent}>
              {t('signIn.consent.give')}
            </BusyButton>
          ) : (
            <Button onClick={controls.retry}>{t('host.failed.retry')}</Button>
          )
        }
      >
        <p>{t('signIn.consent.body')}</p>
        {canAskConsent ? null : <p>{t('signIn.consent.admin')}</p>}
        {state.refusal === null ? null : (
          <p>{t('signIn.consent.refused', { reason: state.refusal })}</p>
        )}
      </Notice>
    );
  }
  if (state.kind !== 'failed') return null;
  return (
    <Notice
      urgent
      title={t('signIn.failed.title')}
      actions={
        <Button appearance="primary" onClick={controls.retry}>
          {t('host.failed.retry')}
        </Button>
      }
    >
      <p>{say(state.message)}</p>
    </Notice>
  );
}
