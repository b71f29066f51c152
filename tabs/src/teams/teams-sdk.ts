// teams-js is loaded only where Teams may host the page. Local mode never downloads it, nor the
// list of valid hosts teams-js fetches from Microsoft's CDN as it loads (validOrigins.js).
type TeamsSdk = typeof import('./teams-api.js');

let sdk: Promise<TeamsSdk> | undefined;

export function loadTeamsSdk(): Promise<TeamsSdk> {
  sdk ??= import('./teams-api.js');
  return sdk;
}

export type { TeamsSdk };
