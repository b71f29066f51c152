import '../zod-jitless.js';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '../pages/SidePanelApp.js';
import { useMeetingTabPage } from '../teams/use-meeting-tab-page.js';

// Loaded only where the tab is the meeting's chat or details tab, so the side panel stays small.
const SummaryApp = lazy(() =>
  import('../pages/SummaryApp.js').then((module) => ({ default: module.SummaryApp })),
);

// The configured tab's one page: the side panel, or the summary as the meeting's chat or details tab.
function MeetingTab() {
  const page = useMeetingTabPage();
  if (page === 'summary')
    return (
      <Suspense fallback={null}>
        <SummaryApp />
      </Suspense>
    );
  return page === 'sidePanel' ? <SidePanelApp /> : null;
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <MeetingTab />
    </StrictMode>,
  );
