import '../zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '../pages/SidePanelApp.js';
import { SummaryApp } from '../pages/SummaryApp.js';
import { useMeetingTabPage } from '../teams/use-meeting-tab-page.js';

// The configured tab's one page: the side panel, or the summary as the meeting's chat or details tab.
function MeetingTab() {
  const page = useMeetingTabPage();
  if (page === 'summary') return <SummaryApp />;
  return page === 'sidePanel' ? <SidePanelApp /> : null;
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <MeetingTab />
    </StrictMode>,
  );
