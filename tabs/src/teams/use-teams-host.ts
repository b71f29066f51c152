// The one hook every page uses to learn where it runs and which theme to wear. It reads the
// page's shared host connection through useSyncExternalStore, so a page that unmounts simply
// stops listening: nothing is set on a component that is gone.
import { useEffect, useSyncExternalStore } from 'react';
import { teamsHost, type HostSource, type HostState } from './teams-host.js';

export function useTeamsHost(source: HostSource = teamsHost()): HostState {
  useEffect(() => {
    source.start();
  }, [source]);
  return useSyncExternalStore(source.subscribe, source.snapshot);
}
