// One plain line of figures per test, printed so docs/testing.md can quote them.
export function printFigures(test: string, figures: Record<string, number | string>): void {
  const parts = Object.entries(figures).map(([name, value]) => `${name}=${String(value)}`);
  process.stdout.write(`reliability figures: ${test}: ${parts.join(' ')}\n`);
}
