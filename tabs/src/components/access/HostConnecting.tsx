// While Teams opens the tab. Teams shows its own loading indicator over the page until the tab
// says it is ready, so this is mostly seen where Teams is slow; after a while it says so.
import { Button } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Notice } from './Notice.js';
import { Waiting } from './Waiting.js';

/** How long Teams may take before the page says it is taking long (it keeps waiting). */
export const SLOW_HOST_MS = 10_000;

export function HostConnecting({ slowAfterMs = SLOW_HOST_MS }: { slowAfterMs?: number }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSlow(true);
    }, slowAfterMs);
    return () => {
      clearTimeout(timer);
    };
  }, [slowAfterMs]);
  if (!slow) return <Waiting label="Opening Roundtable…" />;
  return (
    <Notice
      title="Teams is taking longer than usual"
      actions={
        <Button
          onClick={() => {
            window.location.reload();
          }}
        >
          Reload Roundtable
        </Button>
      }
    >
      <p>
        Roundtable is still waiting for Teams to open it. It opens on its own once Teams answers.
      </p>
    </Notice>
  );
}
