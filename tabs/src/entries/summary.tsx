import '../zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { teamsHost } from '../teams/teams-host.js';
import { SummaryApp } from '../pages/SummaryApp.js';

// Connect to Teams (or learn it is local mode) while React renders its first frame.
teamsHost().start();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <SummaryApp />
    </StrictMode>,
  );
