// Shown until the first view arrives.
import { Spinner } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18n.js';

export function LoadingNotice() {
  const { t } = useI18n();
  return <Spinner size="small" label={t('panel.loading')} />;
}
