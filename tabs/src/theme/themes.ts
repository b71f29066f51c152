// Teams' three themes mapped once to Fluent UI's Teams themes.
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { TeamsTheme } from '../teams/teams-session.js';

export function fluentThemeFor(theme: TeamsTheme): Theme {
  if (theme === 'dark') return teamsDarkTheme;
  if (theme === 'contrast') return teamsHighContrastTheme;
  return teamsLightTheme;
}

/** Outside Teams, follow the system's colour preference. */
export function systemTheme(): TeamsTheme {
  if (window.matchMedia('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}
