// When the chart module cannot load (a dropped connection, a blocked chunk), the airtime section
// still tells the whole story: the sentence stays and the table comes out of hiding.
import { expect, it, jest } from '@jest/globals';
import { render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';

jest.unstable_mockModule('../../tabs/src/summary/AirtimeChart.js', () => {
  throw new Error('The chart chunk could not be fetched.');
});
const { AirtimeSection } = await import('../../tabs/src/summary/AirtimeSection.js');

/** Clipped to one pixel, itself or by a wrapper: read by screen readers, not seen. */
function visuallyHidden(element: Element): boolean {
  for (let at: Element | null = element; at !== null; at = at.parentElement) {
    const style = getComputedStyle(at);
    if (style.position === 'absolute' && style.width === '1px') return true;
  }
  return false;
}

it('keeps the caption and shows the table on screen when the chart fails to load', async () => {
  const reported = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <FluentProvider theme={teamsLightTheme}>
      <AirtimeSection distributionMs={[6, 2, 1, 0].map((minutes) => minutes * 60_000)} />
    </FluentProvider>,
  );
  const section = screen.getByRole('region', { name: 'Who had the airtime' });
  const table = within(section).getByRole('table', { name: 'Airtime per person, most first' });
  expect(visuallyHidden(table)).toBe(true);

  await waitFor(() => {
    expect(visuallyHidden(table)).toBe(false);
  });
  expect(within(section).queryByRole('progressbar')).toBeNull();
  expect(
    within(section).getByText('The top speaker had 67% of airtime; 1 person did not speak.'),
  ).toBeTruthy();
  expect(within(table).getAllByRole('row')).toHaveLength(5);
  reported.mockRestore();
});
