// The page in the Teams theme, edge to edge. The document itself wears the theme's background
// too: content that ends above the frame's bottom, or anything the page adds outside the provider
// (Fluent's portals), must not show the browser's white canvas in dark and high-contrast themes.
import { FluentProvider } from '@fluentui/react-components';
import { useLayoutEffect, type ReactNode } from 'react';
import type { TeamsTheme } from '../teams/teams-session.js';
import { fluentThemeFor } from './themes.js';
import { useI18n } from '../i18n/I18n.js';

// Two rules for every page, in one style element added once per document.
// Asked for reduced motion, nothing moves: Fluent's spinners keep turning and its accordion chevron
// keeps rotating otherwise. A 0.01 ms run (not none) still ends each animation on its last frame, so
// a spinner stays visible as a still mark and transition events still fire.
// A focused text field or select gets a 2 px ring in the theme's focus colour around it: Fluent
// marks one only by its bottom line turning brand colour, which against the line's own grey is
// under 3:1, so the change is a single pixel row.
const PAGE_STYLES = `.fui-Select:focus-within, .fui-Input:focus-within, .fui-Textarea:focus-within {
  outline: 2px solid var(--colorStrokeFocus2);
  outline-offset: 1px;
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after {
    animation-duration: 0.01ms !important;
    animation-iteration-count: 1 !important;
    transition-duration: 0.01ms !important;
    scroll-behavior: auto !important;
  }
}`;

function addPageStyles(document: Document): void {
  if (document.getElementById('roundtable-page-styles') !== null) return;
  const style = document.createElement('style');
  style.id = 'roundtable-page-styles';
  style.textContent = PAGE_STYLES;
  document.head.append(style);
}

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
    addPageStyles(document);
    const { style } = document.documentElement;
    style.backgroundColor = background;
    // Scrollbars and form controls the browser draws follow the theme as well.
    style.colorScheme = theme === 'default' ? 'light' : 'dark';
    // Says which theme is on, for browser tests that switch the system's theme and wait for it.
    document.documentElement.dataset.theme = theme;
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
