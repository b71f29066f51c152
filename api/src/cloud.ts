// The Microsoft endpoints Roundtable talks to, per cloud. One setting (TEAMS_CLOUD) picks them.
// GCC runs on the commercial Entra ID and Bot Framework; GCC High and DoD have endpoints of their
// own and are not supported yet.

export interface Cloud {
  readonly name: CloudName;
  /** Entra ID, for the bot's client-credentials tokens and for SSO token keys and issuers. */
  readonly loginHost: string;
  /** The Bot Framework's OpenID metadata: the keys that sign tokens sent to the bot endpoint. */
  readonly botOpenIdMetadata: string;
  /** The issuer of tokens the Bot Framework sends to the bot endpoint. */
  readonly botIssuer: string;
  /** The scope of the bot's outbound tokens. */
  readonly botScope: string;
  /**
   * Where Bot Connector calls go when no activity from Teams has said where (proactive messages
   * without a conversation's serviceUrl).
   */
  readonly defaultServiceUrl: string;
  /**
   * Microsoft Graph, for what Teams recorded after a meeting; null where Roundtable has no
   * Microsoft source for the host (GCC: no Microsoft page read says which Graph host GCC uses).
   */
  readonly graphHost: string | null;
}

export const CLOUDS = {
  public: {
    name: 'public',
    loginHost: 'https://login.microsoftonline.com',
    botOpenIdMetadata: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
    botIssuer: 'https://api.botframework.com',
    botScope: 'https://api.botframework.com/.default',
    defaultServiceUrl: 'https://smba.trafficmanager.net/teams/',
    graphHost: 'https://graph.microsoft.com',
  },
  gcc: {
    name: 'gcc',
    loginHost: 'https://login.microsoftonline.com',
    botOpenIdMetadata: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
    botIssuer: 'https://api.botframework.com',
    botScope: 'https://api.botframework.com/.default',
    defaultServiceUrl: 'https://smba.infra.gcc.teams.microsoft.com/teams',
    graphHost: null,
  },
} as const satisfies Record<string, Omit<Cloud, 'name'> & { name: string }>;

export type CloudName = keyof typeof CLOUDS;
