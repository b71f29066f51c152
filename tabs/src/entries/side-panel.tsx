import '../zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MeetingTab } from '../pages/MeetingTab.js';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <MeetingTab />
    </StrictMode>,
  );
