// axe-core in the real browser, in any frame. Evaluated through the DevTools protocol rather than
// added as a <script>: the tab's Content-Security-Policy refuses inline scripts, and the browser
// tests run under it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** WCAG 2.2 AA rules, and best practice unless asked not to. */
export async function axeViolations(target: Page | Frame, bestPractice = true): Promise<string[]> {
  await target.evaluate(axeSource);
  const tags = [
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'wcag22aa',
    ...(bestPractice ? ['best-practice'] : []),
  ];
  return target.evaluate(async (runOnly) => {
    type Axe = {
      run: (
        context: unknown,
        options: unknown,
      ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
    };
    const { axe } = window as unknown as { axe: Axe };
    const result = await axe.run(
      // Fluent UI's focus manager (Tabster) puts two aria-hidden focus sentinels on the page that
      // only pass focus on; they are not content, so axe is told to look past them.
      { exclude: [['[data-tabster-dummy]']] },
      { runOnly: { type: 'tag', values: runOnly } },
    );
    return result.violations.map(
      (violation) =>
        `${violation.id} ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
  }, tags);
}
