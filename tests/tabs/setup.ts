import { configure } from '@testing-library/react';

// jsdom lacks a few browser APIs that Fluent UI touches; give it quiet stand-ins. Tests of plain
// logic run in the node environment, where there is no window at all.
const browser = typeof window !== 'undefined';
if (browser && !('matchMedia' in window)) {
  Object.defineProperty(window, 'matchMedia', {
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}
if (browser && !('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', {
    value: class {
      observe(): void {
        // jsdom lays nothing out, so there is nothing to observe.
      }
      unobserve(): void {
        // jsdom lays nothing out, so there is nothing to observe.
      }
      disconnect(): void {
        // Nothing to let go of.
      }
    },
  });
}

// A full `npm test` runs every project at once, on however few cores; give waits room under that load.
configure({ asyncUtilTimeout: 5_000 });
