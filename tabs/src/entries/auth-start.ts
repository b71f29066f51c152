// The consent pop-up's first page: Teams opens it, it sends the person on to Microsoft.
import { startConsent } from '../teams/consent-popup.js';

const root = document.getElementById('root');
if (root) root.textContent = 'Taking you to Microsoft to give Roundtable permission…';
startConsent().catch((error: unknown) => {
  if (root)
    root.textContent = `Roundtable could not ask Microsoft for permission: ${String(error)}. Close this window and try again.`;
});
