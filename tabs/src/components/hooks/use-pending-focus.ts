// Moves focus to an element that appears only after the server answered (e.g. the Leave button
// after Join). Ask with focusWhenReady(key); the element registers with refFor(key).
import { useEffect, useRef, useState } from 'react';

export interface PendingFocus {
  focusWhenReady(key: string): void;
  refFor(key: string): (element: HTMLElement | null) => void;
}

export function usePendingFocus(): PendingFocus {
  const [target, setTarget] = useState<string | null>(null);
  const elements = useRef(new Map<string, HTMLElement>());
  // Runs after every render: the element may arrive with any later view.
  useEffect(() => {
    if (target === null) return;
    const element = elements.current.get(target);
    if (element === undefined) return;
    element.focus();
    setTarget(null);
  });
  return {
    focusWhenReady: setTarget,
    refFor: (key) => (element) => {
      if (element === null) elements.current.delete(key);
      else elements.current.set(key, element);
    },
  };
}
