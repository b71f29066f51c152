import '../zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SummaryApp } from '../pages/SummaryApp.js';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <SummaryApp />
    </StrictMode>,
  );
