// The local environment's manifest, filled in from env/.env.local exactly as `npm run package` does.
import { manifestFor } from '../../scripts/package.js';

export interface ManifestShape {
  readonly manifestVersion: string;
  readonly id: string;
  readonly name: { readonly short: string; readonly full: string };
  readonly validDomains: readonly string[];
  readonly configurableTabs: readonly {
    readonly configurationUrl: string;
    readonly canUpdateConfiguration: boolean;
    readonly scopes: readonly string[];
    readonly context: readonly string[];
  }[];
  readonly bots: readonly {
    readonly botId: string;
    readonly scopes: readonly string[];
    readonly isNotificationOnly: boolean;
  }[];
  readonly webApplicationInfo: { readonly id: string; readonly resource: string };
  readonly authorization: {
    readonly permissions: {
      readonly resourceSpecific: readonly { readonly name: string; readonly type: string }[];
    };
  };
  readonly devicePermissions: readonly string[];
  readonly showLoadingIndicator: boolean;
}

export function localManifest() {
  const { manifest, values } = manifestFor('local');
  return { manifest, shape: manifest as unknown as ManifestShape, values };
}
