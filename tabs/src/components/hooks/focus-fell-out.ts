// Whether keyboard focus has fallen out of the panel's content: to the page itself (the control
// the person used went with the view it was in), or into a dialog that is going with it. Only then
// may a notice that replaced the content take focus; focus in Teams around the tab (the frame's
// document does not have focus) is never taken.
export function focusFellOut(): boolean {
  if (!document.hasFocus()) return false;
  const active = document.activeElement;
  return active === null || active === document.body || active.closest('[role="dialog"]') !== null;
}
