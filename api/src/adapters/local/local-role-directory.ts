// Local mode: the local token issuer is the authority, so the role comes from the verified token.
import type { Role } from '@roundtable/core';
import type { Caller, RoleDirectory } from '../application/ports.js';

export class LocalRoleDirectory implements RoleDirectory {
  roleOf(_meetingId: string, caller: Caller): Promise<Role | null> {
    return Promise.resolve(caller.localRole ?? null);
  }
}
