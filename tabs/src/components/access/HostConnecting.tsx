// While Teams opens the tab. Teams shows its own loading indicator over the page until the tab
// says it is ready, so this is mostly seen where Teams is slow; after a while it says so.
import { Button } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Notice } from './Notice.js';
import { Waiting } from './Waiting.js';
import { useI18n } from '../../i18n/I18n.js';

/** How long Teams may take before the page says it is taking long (it keeps waiting). */
export const SLOW_HOST_MS = 10_000;

export function HostConnecting({ slowAfterMs = SLOW_HOST_MS }: { slowAfterMs?: number }) {
  const [slow, setSlow] = useState(false);
  const { t } = useI18n();
  useEffect(() => {
    const timer = setTimeout(() => {
      setSlow(true);
    }, slowAfterMs);
    return () => {
      clearTimeout(timer);
    };
  }, [slowAfterMs]);
  if (!slow) return <Waiting label={t('host.opening')} />;
  return (
    <Notice
      title={t('host.slow.title')}
      actions={
        <Button
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('host.reload')}
        </Button>
      }
    >
      <p>{t('host.slow.body')}</p>
    </Notice>
  );
}
