// POST /api/dev/token — local mode only: a sign-in token for a simulated person.
import { z } from 'zod';
import { ROLES } from '@roundtable/core';
import type { ServicesProvider } from '../services.js';
import { handled } from '../http/handle.js';
import { parseWith, readJsonBody } from '../http/request.js';
import { HttpProblem, json } from '../http/responses.js';

const devTokenSchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the simulated person a name.').max(64),
  role: z.enum(ROLES),
});

export function devTokenPost(services: ServicesProvider) {
  return handled(async (request) => {
    const s = await services();
    if (s.local === null)
      throw new HttpProblem(404, 'Not found', 'Simulated sign-in exists only in local mode.');
    const { name, role } = parseWith(devTokenSchema, await readJsonBody(request));
    return json(
      200,
      { token: await s.local.issuer.issue({ name, role }) },
      { 'cache-control': 'no-store' },
    );
  });
}
