// The page in the Teams theme, edge to edge. The document itself wears the theme's background
// too: content that ends above the frame's bottom, or anything the page adds outside the provider
// (Fluent's portals), must not show the browser's white canvas in dark and high-contrast themes.
import { FluentProvider } from '@fluentui/react-components';
import { useLayoutEffect, type ReactNode } from 'react';
import type { TeamsTheme } from '../teams/teams-session.js';
import { fluentThemeFor } from './themes.js';

export interface ThemedPageProps {
  readonly theme: TeamsTheme;
  /** The side panel sits on the theme's second background; other pages on the first. */
  readonly surface?: 'panel' | 'page' | undefined;
  readonly children: ReactNode;
}

export function ThemedPage({ theme, surface = 'page', children }: ThemedPageProps) {
  const fluent = fluentThemeFor(theme);
  const background =
    surface === 'panel' ? fluent.colorNeutralBackground2 : fluent.colorNeutralBackground1;
  useLayoutEffect(() => {
    const { style } = document.documentElement;
    style.backgroundColor = background;
    // Scrollbars and form controls the browser draws follow the theme as well.
    style.colorScheme = theme === 'default' ? 'light' : 'dark';
    // Says which theme is on, for browser tests that switch the system's theme and wait for it.
    document.documentElement.dataset.theme = theme;
  }, [background, theme]);
  return (
    <FluentProvider theme={fluent} style={{ minHeight: '100vh', backgroundColor: background }}>
      {children}
    </FluentProvider>
  );
}
