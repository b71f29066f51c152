// Where the Bot Connector answers for each tenant. Teams says so in every activity it sends the bot
// (`serviceUrl`, bound to the activity by the token's serviceUrl claim), and Microsoft asks bots to
// use that rather than a hard-coded address; until a tenant's first activity arrives, the cloud's
// global address is used (send-proactive-messages.md). Kept in a small table so every instance
// knows, and in memory for speed. A service URL names a region, never a person.
import { odata, type TableClient } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { LRUCache } from 'lru-cache';
import type { ServiceUrlBook } from '../../application/ports.js';
import { TableRows } from '../storage/table-meeting-cleanup.js';
import { tableClientFromEndpoint } from '../storage/table-clients.js';

const PARTITION = 'serviceUrl';
// Tenant ids are GUIDs; anything else is not kept.
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ServiceUrls extends ServiceUrlBook {
  serviceUrlFor(tenantId: string | undefined): Promise<string>;
}

export interface TableServiceUrlsOptions {
  readonly client: TableClient | null;
  /** The cloud's global address, for tenants whose first activity has not arrived yet. */
  readonly fallback: string;
  /** Tests serve the Bot Connector over plain http on loopback; Teams never does. */
  readonly allowInsecure?: boolean;
  readonly timeoutMs?: number;
}

/** In Azure: the managed identity needs the "Storage Table Data Contributor" role. */
export function tableServiceUrlsFromEndpoint(
  endpoint: string,
  credential: TokenCredential,
  fallback: string,
  tableName = 'serviceurls',
): TableServiceUrls {
  return new TableServiceUrls({
    client: tableClientFromEndpoint(endpoint, credential, tableName),
    fallback,
  });
}

export class TableServiceUrls implements ServiceUrls {
  private readonly known = new LRUCache<string, string>({ max: 10_000 });
  private readonly rows: TableRows | null;

  constructor(private readonly options: TableServiceUrlsOptions) {
    this.rows =
      options.client === null ? null : new TableRows(options.client, options.timeoutMs ?? 5_000);
  }

  async ensureTable(): Promise<void> {
    const client = this.options.client;
    if (client !== null)
      await this.rows?.request((abortSignal) => client.createTable({ abortSignal }));
  }

  async remember(tenantId: string, serviceUrl: string): Promise<void> {
    if (!TENANT_ID.test(tenantId) || !this.acceptable(serviceUrl)) return;
    if (this.known.get(tenantId) === serviceUrl) return;
    this.known.set(tenantId, serviceUrl);
    const client = this.options.client;
    if (client === null || this.rows === null) return;
    await this.rows.request(async (abortSignal) => {
      await client.upsertEntity(
        { partitionKey: PARTITION, rowKey: tenantId.toLowerCase(), serviceUrl },
        'Replace',
        { abortSignal },
      );
    });
  }

  async serviceUrlFor(tenantId: string | undefined): Promise<string> {
    if (tenantId === undefined || !TENANT_ID.test(tenantId)) return this.options.fallback;
    const cached = this.known.get(tenantId);
    if (cached !== undefined) return cached;
    // A storage hiccup must not stop the call: the global address still reaches Teams.
    const stored = await this.lookup(tenantId).catch(() => null);
    const url = stored !== null && this.acceptable(stored) ? stored : this.options.fallback;
    this.known.set(tenantId, url);
    return url;
  }

  private async lookup(tenantId: string): Promise<string | null> {
    if (this.rows === null) return null;
    const [row] = await this.rows.query(
      odata`PartitionKey eq ${PARTITION} and RowKey eq ${tenantId.toLowerCase()}`,
      ['serviceUrl'],
    );
    return typeof row?.serviceUrl === 'string' ? row.serviceUrl : null;
  }

  private acceptable(serviceUrl: string): boolean {
    const url = URL.parse(serviceUrl);
    if (url?.username !== '' || url.password !== '') return false;
    return (
      url.protocol === 'https:' || (this.options.allowInsecure === true && url.protocol === 'http:')
    );
  }
}
