// Saves text as a file through a temporary link; says so when the browser cannot.

/** Returns false where there is no way to hand the browser a file (no object URLs). */
export function downloadText(fileName: string, text: string, type: string): boolean {
  if (typeof URL.createObjectURL !== 'function') return false;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked on a later tick: some browsers start the download only after click() returns.
  setTimeout(() => {
    if (typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url);
  }, 0);
  return true;
}
