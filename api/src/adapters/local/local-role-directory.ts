// Local mode: the local token issuer is the authority, so the role comes from the verified token.
// Everyone signed in locally is in the meeting; there is no bot to reach them through.
import type { Caller, Membership, RoleDirectory } from '../../application/ports.js';

export class LocalRoleDirectory implements RoleDirectory {
  membership(_meetingId: string, caller: Caller): Promise<Membership | null> {
    const role = caller.localRole;
    return Promise.resolve(
      role === undefined ? null : { role, inMeeting: true, teamsUserId: null },
    );
  }
}
