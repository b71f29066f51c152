// While Teams opens the tab: a labelled spinner, and after a while a calm word that it is slow,
// with a way to reload (it keeps waiting; it never drops to local mode). A page that fails to
// render says so.
import { expect, it, jest } from '@jest/globals';
import { act, render, screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import { HostConnecting } from '../../tabs/src/components/access/HostConnecting.js';
import { PageErrorBoundary } from '../../tabs/src/components/access/PageErrorBoundary.js';

it('says Teams is slow after a while, and offers a reload, still waiting', async () => {
  jest.useFakeTimers();
  try {
    const { container } = render(<HostConnecting slowAfterMs={1_000} />);
    expect(screen.getByText('Opening Roundtable…')).toBeTruthy();
    act(() => {
      jest.advanceTimersByTime(1_000);
    });
    expect(screen.getByRole('heading', { name: 'Teams is taking longer than usual' })).toBeTruthy();
    expect(screen.getByText(/opens on its own once Teams answers/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload Roundtable' })).toBeTruthy();
    jest.useRealTimers();
    expect((await axe(container)).violations).toEqual([]);
  } finally {
    jest.useRealTimers();
  }
});

it('says so, with a way out, when a page fails to render, instead of leaving it empty', () => {
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const Broken = (): never => {
      throw new Error('render failed');
    };
    render(
      <PageErrorBoundary>
        <Broken />
      </PageErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/Something went wrong on this page/);
    expect(screen.getByRole('button', { name: 'Reload Roundtable' })).toBeTruthy();
  } finally {
    quiet.mockRestore();
  }
});
