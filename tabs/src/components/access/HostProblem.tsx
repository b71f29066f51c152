// When the page cannot run: Teams did not finish opening it, or it was opened outside Teams.
import { Button } from '@fluentui/react-components';
import { Notice } from './Notice.js';
import { useI18n } from '../../i18n/I18n.js';
import type { Said } from '../../i18n/translator.js';

export function HostFailed({ message }: { message: Said }) {
  const { t, say } = useI18n();
  return (
    <Notice
      urgent
      title={t('host.failed.title')}
      actions={
        <Button
          appearance="primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('host.failed.retry')}
        </Button>
      }
    >
      <p>{say(message)}</p>
      <p>{t('host.failed.body')}</p>
    </Notice>
  );
}

export function OutsideTeams() {
  const { t } = useI18n();
  return (
    <Notice title={t('host.outside.title')}>
      <p>{t('host.outside.body')}</p>
    </Notice>
  );
}
