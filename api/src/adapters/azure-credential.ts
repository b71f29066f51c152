// The one credential every Azure client shares in Azure: the Function App's managed identity (and,
// on a developer's machine pointed at real Azure, their own sign-in), so no key is ever configured.
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';

export function azureCredential(): TokenCredential {
  return new DefaultAzureCredential();
}
