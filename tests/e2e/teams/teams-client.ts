// The Teams client's side of teams-js' protocol, as it runs in the browser: either the page that
// frames the tab (Teams on the web and on computers), or the native bridge of Teams' frameless
// phone webview. Installed with page.addInitScript, so it must not use anything outside itself.
//
// What it answers, and where teams-js defines it (@microsoft/teams-js 2.58, dist/esm/.../src):
// - transport: internal/communication.js. Framed, teams-js posts each request to window.parent;
//   replies are {id, uuidAsString, args} posted back from an https origin on its valid list
//   (internal/validOrigins.js, artifactsForCDN/validDomains.json.js), host-initiated events are
//   {func, args}. Frameless (no parent, window.nativeInterface present): requests go to
//   nativeInterface.framelessPostMessage(JSON) and answers come through window.onNativeMessage({data}).
//   teams-js registers its callback after sending, so answers are always asynchronous.
// - 'initialize' [version, runtimeApiVersion] -> [frameContext, hostClientType, runtimeConfig JSON,
//   clientSupportedSDKVersion] (internal/appHelpers.js; runtime shape: public/runtime.js).
// - 'getContext' -> [legacy context] (public/app/app.js maps it to app.Context).
// - 'authentication.getAuthToken' [resources, claims, silent, tenantId] -> [true, token] or
//   [false, reason]; 'authentication.authenticate' [url, width, height, isExternal] -> [true,
//   result] once the pop-up sends 'authentication.authenticate.success' [result], or [false,
//   reason] ('authentication.authenticate.failure') (public/authentication.js).
// - 'appInitialization.success' [version], '.failure' [reason, message, authHeader],
//   '.expectedFailure' [reason, message] (public/app/app.js, internal/appHelpers.js).
// - 'registerHandler' [name]; host events 'themeChange' [theme], 'load' [{entityId, contentUrl}],
//   'beforeUnload' [] answered by 'readyToUnload' (internal/handlers.js).
// - The configuration page: 'settings.setValidityState' [valid], 'registerHandler' ['save'], host
//   event 'settings.save' [{}], 'settings.setSettings' [instance] -> [true], then
//   'settings.save.success' (public/pages/config.js, internal/pagesHelpers.js).

export interface TeamsClientConfig {
  readonly mode: 'frame' | 'phone';
  /** Frame mode: the Teams origin the host page is served from. Phone mode: the tab's origin. */
  readonly origin: string;
  readonly frameContext: string;
  readonly hostClientType: string;
  readonly context: Record<string, unknown>;
  /** How getAuthToken answers until the person consents (then `afterConsent`). */
  readonly token: { ok: true; value: string } | { ok: false; reason: string };
  readonly afterConsent: string | null;
  readonly initializeDelayMs: number;
}

interface Request {
  readonly id: number;
  readonly uuidAsString?: string;
  readonly func: string;
  readonly args?: unknown[];
}

type Reply = (args: unknown[]) => void;

export function installTeamsClient(config: TeamsClientConfig): void {
  // Only the page Teams itself would be: the host page, or (phone) the tab in the native webview.
  if (window.location.origin !== config.origin || window.top !== window || window.opener !== null)
    return;
  const report = (event: Record<string, unknown>) => {
    (window as unknown as { __teamsEvent?: (e: unknown) => void }).__teamsEvent?.(event);
  };
  let token = config.token;
  let context = { ...config.context };
  let pendingAuthentication: Reply | null = null;
  const runtime = JSON.stringify({
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: {
      app: { lifecycle: { caching: {} } },
      appInstallDialog: {},
      dialog: { url: { bot: {}, parentCommunication: {} }, update: {} },
      interactive: {},
      meeting: {},
      pages: { appButton: {}, backStack: {}, config: {}, fullTrust: {}, tabs: {} },
      stageView: {},
      teamsCore: {},
    },
  });

  const answer = (request: Request, reply: Reply, from: 'tab' | 'popup') => {
    const args = request.args ?? [];
    report({ from, func: request.func, args });
    switch (request.func) {
      case 'initialize':
        setTimeout(
          () => {
            report({ from: 'host', func: 'answered initialize', args: [] });
            reply([
              from === 'tab' ? config.frameContext : 'authentication',
              config.hostClientType,
              runtime,
              '2.0.0',
            ]);
          },
          from === 'tab' ? config.initializeDelayMs : 0,
        );
        return;
      case 'getContext':
        reply([
          { ...context, frameContext: from === 'tab' ? context.frameContext : 'authentication' },
        ]);
        return;
      case 'settings.setSettings':
        reply([true]);
        return;
      case 'authentication.getAuthToken':
        reply(token.ok ? [true, token.value] : [false, token.reason]);
        return;
      case 'authentication.authenticate': {
        pendingAuthentication = reply;
        const [url, width, height] = args as [string, number, number];
        const popup = window.open(url, '_blank', `width=${String(width)},height=${String(height)}`);
        if (popup === null) reply([false, 'FailedToOpenWindow']);
        return;
      }
      case 'authentication.authenticate.success':
        if (config.afterConsent !== null) token = { ok: true, value: config.afterConsent };
        pendingAuthentication?.([true, args[0]]);
        pendingAuthentication = null;
        return;
      case 'authentication.authenticate.failure':
        pendingAuthentication?.([false, args[0]]);
        pendingAuthentication = null;
        return;
      default:
        // One-way notices (appInitialization.*, registerHandler, readyToUnload): recorded only.
        return;
    }
  };

  let toTab: (message: { func: string; args: unknown[] }) => void;
  if (config.mode === 'phone') {
    const win = window as unknown as {
      nativeInterface: { framelessPostMessage: (json: string) => void };
      onNativeMessage?: (event: { data: unknown }) => void;
    };
    win.nativeInterface = {
      framelessPostMessage: (json: string) => {
        const request = JSON.parse(json) as Request;
        answer(
          request,
          (args) => {
            setTimeout(() => {
              win.onNativeMessage?.({
                data: { id: request.id, uuidAsString: request.uuidAsString, args },
              });
            }, 0);
          },
          'tab',
        );
      },
    };
    toTab = (message) => {
      win.onNativeMessage?.({ data: message });
    };
  } else {
    window.addEventListener('message', (event) => {
      const request = event.data as Request | null;
      if (request === null || typeof request !== 'object' || typeof request.func !== 'string')
        return;
      const source = event.source as Window;
      const tab = document.querySelector('iframe')?.contentWindow;
      answer(
        request,
        (args) => {
          source.postMessage(
            { id: request.id, uuidAsString: request.uuidAsString, args },
            event.origin,
          );
        },
        source === tab ? 'tab' : 'popup',
      );
    });
    toTab = (message) => {
      const frame = document.querySelector('iframe');
      frame?.contentWindow?.postMessage(message, new URL(frame.src).origin);
    };
  }

  (window as unknown as { teamsClient: unknown }).teamsClient = {
    send: (func: string, args: unknown[]) => {
      toTab({ func, args });
    },
    setContext: (change: Record<string, unknown>) => {
      context = { ...context, ...change };
    },
    setToken: (next: TeamsClientConfig['token']) => {
      token = next;
    },
  };
}
