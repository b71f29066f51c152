// The consent pop-up's last page: tells Teams how it went; Teams then closes the window.
import { finishConsent } from '../teams/consent-popup.js';

const root = document.getElementById('root');
if (root) root.textContent = 'Thank you. You can return to the meeting.';
finishConsent().catch((error: unknown) => {
  if (root) root.textContent = `Close this window and try again (${String(error)}).`;
});
