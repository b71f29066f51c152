// The last line of defence: a page that fails to render says so, with a way out, instead of
// leaving an empty panel in the meeting.
import { Button } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { Notice } from './Notice.js';
import { useI18n } from '../../i18n/I18n.js';

export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <StoppedWorking />;
  }
}

function StoppedWorking() {
  const { t } = useI18n();
  return (
    <Notice
      urgent
      title={t('crash.title')}
      actions={
        <Button
          appearance="primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('host.reload')}
        </Button>
      }
    >
      <p>{t('crash.body')}</p>
    </Notice>
  );
}
