// Table Storage clients as every store here makes them: for Azurite from a connection string, in
// Azure from the endpoint and the managed identity.
import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';

// One retry, soon: a stopped storage must become a 503 in about a second, not after a minute.
const clientOptions: TableServiceClientOptions = {
  retryOptions: { maxRetries: 1, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 },
};

/** A client for one table; the SDK refuses a shared key over plain http unless told (Azurite). */
export function tableClientFromConnectionString(
  connectionString: string,
  tableName: string,
): TableClient {
  const { url } = TableClient.fromConnectionString(connectionString, tableName);
  const allowInsecureConnection = new URL(url).protocol === 'http:';
  return TableClient.fromConnectionString(connectionString, tableName, {
    ...clientOptions,
    allowInsecureConnection,
  });
}

/** In Azure: the managed identity needs the "Storage Table Data Contributor" role. */
export function tableClientFromEndpoint(
  endpoint: string,
  credential: TokenCredential,
  tableName: string,
): TableClient {
  return new TableClient(endpoint, tableName, credential, clientOptions);
}

export interface TableMeetingStoreOptions {
  /** A request (or a page of records) taking longer than this counts as storage unavailable. */
  readonly timeoutMs?: number;
  /**
   * The largest state (gzip bytes) the state row holds itself; a larger one lives in a base row
   * and a log row per commit (decision 011). 0 always uses base and log; Infinity writes the
   * whole state with every commit.
   */
  readonly inlineStateBytes?: number;
}
