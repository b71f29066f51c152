// The last line of defence: a page that fails to render says so, with a way out, instead of
// leaving an empty panel in the meeting.
import { Button } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { Notice } from './Notice.js';

export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Notice
        urgent
        title="Roundtable stopped working"
        actions={
          <Button
            appearance="primary"
            onClick={() => {
              window.location.reload();
            }}
          >
            Reload Roundtable
          </Button>
        }
      >
        <p>
          Something went wrong on this page. Reloading starts it again; nothing in the meeting is
          lost.
        </p>
      </Notice>
    );
  }
}
