// Reading the Bot Connector's answers about a person: their role and presence as Roundtable uses
// them, and a failed call as the 503 a person sees.
import type { Role } from '@roundtable/core';
import type { MeetingParticipant } from '@microsoft/teams.api';
import { DependencyUnavailableError } from '../../application/errors.js';
import type { Membership } from '../../application/ports.js';
import type { BotConnectorError } from './bot-connector.js';
import { DEFAULT_RETRY_AFTER_SECONDS, retryAfterSeconds } from './retry-after.js';

/** Teams answers 'Organizer', 'Presenter' or 'Attendee'; anything unknown gets the least rights. */
export function membershipFrom(answer: MeetingParticipant): Membership {
  const name = answer.meeting?.role?.toLowerCase() ?? '';
  const role: Role = name === 'organizer' || name === 'presenter' ? name : 'attendee';
  return {
    role,
    // Someone who left the meeting may look, but not act.
    inMeeting: answer.meeting?.inMeeting === true,
    teamsUserId: teamsIdOf(answer.user?.id),
  };
}

/** In-meeting notices are addressed to Teams' pairwise ids ("29:…") only. */
export function teamsIdOf(id: string | undefined): string | null {
  return typeof id === 'string' && id.startsWith('29:') ? id : null;
}

export function unavailable(error: BotConnectorError, now: number): DependencyUnavailableError {
  const retryAfter =
    error.status === 429 ? retryAfterSeconds(error.retryAfter, now) : DEFAULT_RETRY_AFTER_SECONDS;
  const what = error.status === null ? error.reason : `HTTP ${error.status}`;
  return new DependencyUnavailableError(
    'teams',
    `Teams did not say who is in the meeting (${what}); try again in a moment.`,
    retryAfter,
  );
}
