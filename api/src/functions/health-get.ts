// GET /api/health — liveness and whether storage answers.
import type { ServicesProvider } from '../services.js';
import { handled } from '../http/handle.js';
import { json } from '../http/responses.js';

export function healthGet(services: ServicesProvider) {
  return handled(async () => {
    const { pingStorage, config } = await services();
    const storage = await pingStorage().then(
      () => 'ok' as const,
      () => 'unreachable' as const,
    );
    const healthy = storage === 'ok';
    return json(
      healthy ? 200 : 503,
      { status: healthy ? 'ok' : 'degraded', storage, mode: config.mode },
      healthy ? {} : { 'retry-after': '5' },
    );
  });
}
