// A deployment missing a setting answers 503 with a message a person can act on, and logs which
// settings are missing (names only) instead of an anonymous "unhandled error".
import { describe, expect, it } from '@jest/globals';
import functions from '@azure/functions';
import { ConfigError } from '../../api/src/config.js';
import { routeTable } from '../../api/src/routes.js';

const { HttpRequest, InvocationContext } = functions;

describe('a deployment that is not configured', () => {
  it('answers 503 with Retry-After and logs the missing settings by name', async () => {
    const logged: string[] = [];
    const routes = routeTable(() =>
      Promise.reject(new ConfigError('These app settings are missing: BOT_APP_SECRET.')),
    );
    const route = routes.find((r) => r.name === 'meetings-get');
    if (!route) throw new Error('meetings-get is not in the route table');
    const response = await route.handler(
      new HttpRequest({
        url: 'http://localhost/api/meetings/m-1',
        method: 'GET',
        params: { meetingId: 'm-1' },
        headers: { authorization: 'Bearer a.b.c' },
      }),
      new InvocationContext({
        functionName: 'meetings-get',
        logHandler: (level, ...args) => {
          if (level === 'error') logged.push(args.join(' '));
        },
      }),
    );
    expect(response.status).toBe(503);
    expect(response.headers).toMatchObject({ 'retry-after': '300' });
    expect(JSON.parse(response.body as string)).toMatchObject({ code: 'not-configured' });
    expect(logged).toEqual([
      'Roundtable is not configured: These app settings are missing: BOT_APP_SECRET.',
    ]);
  });
});
