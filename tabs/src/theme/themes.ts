// Teams' three themes mapped once to Fluent UI's Teams themes.
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import type { TeamsTheme } from '../teams/teams-session.js';

export function fluentThemeFor(theme: TeamsTheme): Theme {
  if (theme === 'dark') return teamsDarkTheme;
  if (theme === 'contrast') return teamsHighContrastTheme;
  return teamsLightTheme;
}

const FORCED_COLORS = '(forced-colors: active)';
const DARK = '(prefers-color-scheme: dark)';

/** Outside Teams, follow the system's colour preference. */
export function systemTheme(): TeamsTheme {
  if (window.matchMedia(FORCED_COLORS).matches) return 'contrast';
  return window.matchMedia(DARK).matches ? 'dark' : 'default';
}

/**
 * Calls back whenever the system's preference changes (someone turns on high contrast while the
 * page is open), so a page outside Teams never keeps a theme the person has just left.
 */
export function watchSystemTheme(onChange: (theme: TeamsTheme) => void): () => void {
  const queries = [FORCED_COLORS, DARK].map((query) => window.matchMedia(query));
  const changed = () => {
    onChange(systemTheme());
  };
  for (const query of queries) query.addEventListener('change', changed);
  return () => {
    for (const query of queries) query.removeEventListener('change', changed);
  };
}

/** The system's theme for pages that run only outside Teams (the simulator), kept current. */
export function useSystemTheme(): TeamsTheme {
  return useSyncExternalStore((listener) => watchSystemTheme(listener), systemTheme);
}
