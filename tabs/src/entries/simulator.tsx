import '../zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Simulator } from '../pages/Simulator.js';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Simulator />
    </StrictMode>,
  );
