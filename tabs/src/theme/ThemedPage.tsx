// The page in the Teams theme, edge to edge. The document itself wears the theme's background
// too: content that ends above the frame's bottom, or anything the page adds outside the provider
// (Fluent's portals), must not show the browser's white canvas in dark and high-contrast themes.
import { FluentProvider } from '@fluentui/react-components';
import { useLayoutEffect, type ReactNode } from 'react';
import type { TeamsTheme } from '../teams/teams-session.js';
import { fluentThemeFor } from './themes.js';
import { useI18n } from '../i18n/I18n.js';

export interface ThemedPageProps {
  readonly theme: TeamsTheme;
  /** The side panel sits on the theme's second background; other pages on the first. */
  readonly surface?: 'panel' | 'page' | undefined;
  readonly children: ReactNode;
}

export function ThemedPage({ theme, surface = 'page', children }: ThemedPageProps) {
  const fluent = fluentThemeFor(theme);
  // Fluent mirrors its components and styles for right-to-left languages through `dir`.
  const { dir, language } = useI18n();
  const background =
    surface === 'panel' ? fluent.colorNeutralBackground2 : fluent.colorNeutralBackground1;
  useLayoutEffect(() => {
    const { style } = document.documentElement;
    style.backgroundColor = background;
    // Scrollbars and form controls the browser draws follow the theme as well.
    style.colorScheme = theme === 'default' ? 'light' : 'dark';
  }, [background, theme]);
  return (
    <FluentProvider
      theme={fluent}
      dir={dir}
      lang={language}
      style={{ minHeight: '100vh', backgroundColor: background }}
    >
      {children}
    </FluentProvider>
  );
}
