// A stand-in for the parts of @microsoft/teams-js the tab uses, for jsdom tests: each test sets
// how "Teams" answers and reads back what the tab told it. The browser tests (tests/e2e) speak
// teams-js' real message protocol instead.
import { jest } from '@jest/globals';

export interface FakeContext {
  meeting?: { id: string };
  chat?: { id: string };
  page: { frameContext: string };
  app: { theme: string };
  user?: { licenseType?: string; tenant?: { id: string }; loginHint?: string };
}

export class FakeTeams {
  calls: string[] = [];
  notices: { kind: string; reason?: string }[] = [];
  initialize: () => Promise<void> = () => Promise.resolve();
  context: () => Promise<FakeContext> = () =>
    Promise.resolve({
      meeting: { id: 'meeting-1' },
      page: { frameContext: 'sidePanel' },
      app: { theme: 'default' },
    });
  token: () => Promise<string> = () => Promise.resolve('sso-token');
  themeHandler: ((theme: string) => void) | null = null;
  suspend: (() => Promise<void>) | null = null;
  resume: ((context: { entityId: string; contentUrl: URL }) => void) | null = null;

  /** Back to a Teams that answers at once, in a meeting's side panel. */
  reset(): void {
    const fresh = new FakeTeams();
    this.calls = [];
    this.notices = [];
    this.initialize = fresh.initialize;
    this.context = fresh.context;
    this.token = fresh.token;
    this.themeHandler = null;
    this.suspend = null;
    this.resume = null;
  }

  readonly module = {
    FrameContexts: {
      sidePanel: 'sidePanel',
      content: 'content',
      task: 'task',
      meetingStage: 'meetingStage',
    },
    app: {
      FailedReason: { AuthFailed: 'AuthFailed', Timeout: 'Timeout', Other: 'Other' },
      ExpectedFailureReason: { PermissionError: 'PermissionError', Other: 'Other' },
      initialize: () => {
        this.calls.push('initialize');
        return this.initialize();
      },
      getContext: () => {
        this.calls.push('getContext');
        return this.context();
      },
      notifySuccess: () => {
        this.notices.push({ kind: 'success' });
        return Promise.resolve();
      },
      notifyFailure: ({ reason }: { reason: string }) => {
        this.notices.push({ kind: 'failure', reason });
      },
      notifyExpectedFailure: ({ reason }: { reason: string }) => {
        this.notices.push({ kind: 'expectedFailure', reason });
      },
      registerOnThemeChangeHandler: (handler: (theme: string) => void) => {
        this.calls.push('registerOnThemeChangeHandler');
        this.themeHandler = handler;
      },
      lifecycle: {
        registerBeforeSuspendOrTerminateHandler: (handler: () => Promise<void>) => {
          this.calls.push('registerBeforeSuspendOrTerminateHandler');
          this.suspend = handler;
        },
        registerOnResumeHandler: (
          handler: (context: { entityId: string; contentUrl: URL }) => void,
        ) => {
          this.calls.push('registerOnResumeHandler');
          this.resume = handler;
        },
      },
    },
    authentication: {
      getAuthToken: () => {
        this.calls.push('getAuthToken');
        return this.token();
      },
      authenticate: () => {
        this.calls.push('authenticate');
        return Promise.resolve('consented');
      },
      notifySuccess: (result?: string) => {
        this.notices.push({ kind: 'authentication.success', reason: result ?? '' });
      },
      notifyFailure: (reason?: string) => {
        this.notices.push({ kind: 'authentication.failure', reason: reason ?? '' });
      },
    },
    pages: {
      config: {
        registerOnSaveHandler: () => undefined,
        setConfig: () => Promise.resolve(),
        setValidityState: () => undefined,
      },
    },
  };
}

export const fakeTeams = new FakeTeams();

/** Call at the top of a test file, before importing anything that reaches teams-js. */
export function mockTeamsJs(): void {
  jest.unstable_mockModule('@microsoft/teams-js', () => fakeTeams.module);
}
