// The configured tab's one page chooses the side panel or the summary from Teams' frame context.
import { describe, expect, it, jest } from '@jest/globals';
import { renderHook, waitFor } from '@testing-library/react';
import type { TeamsSession } from '../../tabs/src/teams/teams-host.js';

// teams-js cannot load in jsdom (it needs fetch) and must not be called here: every use fails.
jest.unstable_mockModule('@microsoft/teams-js', () => {
  const refuse = () => {
    throw new Error('Tests must not call teams-js.');
  };
  return {
    app: { initialize: refuse, getContext: refuse, notifySuccess: refuse },
    authentication: { getAuthToken: refuse },
    pages: {
      config: { registerOnSaveHandler: refuse, setConfig: refuse, setValidityState: refuse },
    },
  };
});

const { showsSummary } = await import('../../tabs/src/teams/teams-host.js');
const { useMeetingTabPage } = await import('../../tabs/src/teams/use-meeting-tab-page.js');

function inFrame(frameContext: string): () => Promise<TeamsSession> {
  const session: TeamsSession = {
    meetingId: 'meeting-1',
    chatId: 'chat-1',
    frameContext,
    theme: 'default',
    getToken: () => Promise.resolve('token'),
    onThemeChange: () => undefined,
  };
  return () => Promise.resolve(session);
}

describe('the meeting tab page', () => {
  it('is the side panel at once outside any frame, without asking Teams (local mode)', () => {
    const never = () => Promise.reject(new Error('Teams must not be asked outside a frame.'));
    const { result } = renderHook(() => useMeetingTabPage(never, true));
    expect(result.current).toBe('sidePanel');
  });

  it('waits for Teams inside a frame', () => {
    const pending = () => new Promise<null>(() => undefined);
    const { result } = renderHook(() => useMeetingTabPage(pending, false));
    expect(result.current).toBe('deciding');
  });

  it.each([
    ['sidePanel', 'sidePanel'],
    ['meetingStage', 'sidePanel'],
    ['task', 'sidePanel'],
    ['content', 'summary'],
  ])('in a %s frame it shows the %s', async (frameContext, page) => {
    const connect = inFrame(frameContext);
    const { result } = renderHook(() => useMeetingTabPage(connect, false));
    await waitFor(() => {
      expect(result.current).toBe(page);
    });
  });

  it('falls back to the side panel in a frame that is not Teams', async () => {
    const notTeams = () => Promise.resolve(null);
    const { result } = renderHook(() => useMeetingTabPage(notTeams, false));
    await waitFor(() => {
      expect(result.current).toBe('sidePanel');
    });
  });

  it('treats only the content frame (meeting chat and details tabs) as the summary', () => {
    expect(
      ['content', 'sidePanel', 'meetingStage', 'settings', 'task'].filter(showsSummary),
    ).toEqual(['content']);
  });
});
