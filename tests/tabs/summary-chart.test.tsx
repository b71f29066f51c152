// The real airtime chart from @fluentui/react-charts. jsdom cannot measure SVG text or draw on a
// canvas, which the chart uses to fit its labels; these stand-ins give it fixed sizes.
import { beforeAll, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { axe } from 'jest-axe';
import AirtimeChart from '../../tabs/src/summary/AirtimeChart.js';
import { airtimeBars } from '../../tabs/src/summary/airtime.js';

beforeAll(() => {
  Object.defineProperty(SVGElement.prototype, 'getComputedTextLength', { value: () => 40 });
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { value: () => null });
});

it('draws one bar per person, silent people included, under a descriptive label', async () => {
  const { container } = render(
    <FluentProvider theme={teamsLightTheme}>
      <AirtimeChart bars={airtimeBars([6, 2, 1, 0].map((minutes) => minutes * 60_000))} />
    </FluentProvider>,
  );

  const chart = await screen.findByRole('region', { name: /Vertical bar chart with 4 bars/ });
  expect(chart.getAttribute('aria-label')).toContain('Airtime per person, most first');
  expect((await axe(container)).violations).toEqual([]);
});
