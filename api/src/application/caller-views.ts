// What a caller sees: their personal view of the live session, or of the fresh session that would
// open next (nothing written, no pseudonym yet), built on the public part shared by everyone.
import type { DomainError, MeetingSettings, ParticipantView } from '@roundtable/core';
import { evolve, initialMeetingState, publicView, type PublicView } from '@roundtable/core';
import type { Entered } from './arrivals.js';
import { NotParticipantError } from './errors.js';
import type {
  Caller,
  Clock,
  Membership,
  MembershipPurpose,
  Pseudonymiser,
  RoleDirectory,
  StoredMeeting,
} from './ports.js';
import { ViewBuilder, type PersonalView, type SerialisedView } from './views.js';

export interface ViewResult {
  readonly view: ParticipantView;
  /** The view as the answer carries it, with its entity tag. */
  readonly serialised: SerialisedView;
  /** The public version the view shows. */
  readonly version: number;
  /** Set when the command was refused by a domain rule; the view is still the latest. */
  readonly refusal: DomainError | null;
}

export interface CallerViewDependencies {
  readonly pseudonyms: Pseudonymiser;
  readonly settings: Partial<MeetingSettings>;
  readonly clock: Clock;
}

export class CallerViews {
  private readonly views = new ViewBuilder();

  constructor(private readonly deps: CallerViewDependencies) {}

  /** The view of a live session, or of the fresh one that opens next. */
  current(
    meetingId: string,
    meeting: StoredMeeting | null,
    caller: Caller,
    membership: Membership,
  ): Omit<ViewResult, 'refusal'> {
    if (meeting !== null && meeting.state.phase === 'live' && meeting.salt !== '') {
      const participantId = this.deps.pseudonyms.participantId(meeting.salt, caller);
      const meta = { meetingId, version: meeting.publicVersion };
      const personal = this.views.personal(meeting.state, meta, participantId);
      if (personal !== null) return { ...personal, version: meeting.publicVersion };
    }
    return this.nextSession(meetingId, meeting, caller, membership);
  }

  /**
   * The session that opens next, as the caller would see it: empty and live. Nothing is written
   * and no pseudonym exists yet, so the caller's own id is left empty.
   */
  nextSession(
    meetingId: string,
    meeting: StoredMeeting | null,
    caller: Caller,
    membership: Membership,
  ): Omit<ViewResult, 'refusal'> {
    const next = nextSession(meeting, this.deps.settings);
    const state = evolve(next.state, {
      type: 'ParticipantArrived',
      at: this.deps.clock(),
      participantId: '',
      displayName: caller.displayName,
      role: membership.role,
      firstTime: true,
      via: 'panel',
      firstPanel: true,
    });
    const meta = { meetingId, version: next.publicVersion };
    const personal = this.views.personal(state, meta, '');
    if (personal === null) throw new Error('A fresh session lost its only participant.');
    return { ...personal, version: next.publicVersion };
  }

  /** The public view everyone watching sees: the live session's, or the empty next one's. */
  publicOf(meetingId: string, meeting: StoredMeeting | null): PublicView {
    if (meeting?.state.phase !== 'live') {
      const next = nextSession(meeting, this.deps.settings);
      return publicView(next.state, { meetingId, version: next.publicVersion });
    }
    return publicView(meeting.state, { meetingId, version: meeting.publicVersion });
  }

  afterEntering(meetingId: string, entered: Entered, refusal: DomainError | null): ViewResult {
    const { meeting, participantId } = entered;
    const meta = { meetingId, version: meeting.publicVersion };
    const personal: PersonalView | null = this.views.personal(meeting.state, meta, participantId);
    if (personal === null) throw new NotParticipantError('Open Roundtable in the meeting first.');
    return { ...personal, version: meeting.publicVersion, refusal };
  }
}

/** The empty session that opens after this one (or the first), with the version it will have. */
/** Only people Teams places in the meeting get in; everyone else is turned away. */
export async function membershipIn(
  roles: RoleDirectory,
  meetingId: string,
  caller: Caller,
  purpose: MembershipPurpose = 'look',
): Promise<Membership> {
  const membership = await roles.membership(meetingId, caller, purpose);
  if (membership === null) {
    throw new NotParticipantError(
      'You are not a participant of this meeting. Join the meeting in Teams, then open Roundtable again.',
    );
  }
  return membership;
}

export function nextSession(
  meeting: StoredMeeting | null,
  settings: Partial<MeetingSettings>,
): { state: ReturnType<typeof initialMeetingState>; publicVersion: number } {
  return {
    state: initialMeetingState(settings, (meeting?.state.session ?? 0) + 1, meeting?.state.options),
    publicVersion: (meeting?.publicVersion ?? 0) + 1,
  };
}
