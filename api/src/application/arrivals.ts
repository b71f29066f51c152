// Who is in the live session, from both sides: a person opening Roundtable (their view or command
// records them), and Teams saying who joined or left the meeting (participant events). Either way
// one person is one pseudonym: the session's salt over their tenant and object id.
import type { Role } from '@roundtable/core';
import type { Committed, Submission } from './commit/command-queue.js';
import type { MeetingCommitter } from './commit/meeting-committer.js';
import type { Caller, ContactSealer, Membership, Pseudonymiser, StoredMeeting } from './ports.js';

export interface ArrivalDependencies {
  readonly committer: MeetingCommitter;
  readonly pseudonyms: Pseudonymiser;
  /** Teams only: seals people's Teams ids so the bot can tell them things privately. */
  readonly contacts?: ContactSealer;
  /** The benchmark's baseline only: answer before everyone is told. */
  readonly answerBeforeAnnouncing?: boolean;
}

export interface Entered {
  readonly meetingKey: string;
  readonly participantId: string;
  readonly meeting: StoredMeeting;
}

/** One person in one of Teams' participant events. */
export interface RosterChange {
  readonly person: Caller;
  /** Teams' id for them as the bot knows them ("29:…"). */
  readonly teamsUserId: string;
  readonly inMeeting: boolean;
  /** Given on joins; a leave names no role. */
  readonly role: Role | null;
}

export class Arrivals {
  constructor(private readonly deps: ArrivalDependencies) {}

  /** The caller opened Roundtable: records name, role and contact unless the state has them. */
  async throughPanel(
    meetingKey: string,
    meetingId: string,
    meeting: StoredMeeting,
    caller: Caller,
    membership: Membership,
  ): Promise<Entered> {
    const participantId = this.deps.pseudonyms.participantId(meeting.salt, caller);
    const known = meeting.state.participants[participantId];
    const contact = this.contactOf(meeting, participantId, membership.teamsUserId);
    const organiserKey = this.organiserKeyOf(caller, membership.role);
    const carryKey = this.carryKeyOf(meetingKey, meeting, caller);
    const stale =
      known?.present !== true ||
      !known.openedPanel ||
      known.displayName !== caller.displayName ||
      known.role !== membership.role ||
      (contact !== undefined && known.contact !== contact) ||
      (carryKey !== undefined && known.carryKey !== carryKey) ||
      (organiserKey !== undefined && !meeting.organisers.includes(organiserKey));
    if (!stale || !membership.inMeeting) return { meetingKey, participantId, meeting };
    const arrival = await this.submit(meetingKey, meetingId, {
      participantId,
      commandId: null,
      command: {
        type: 'arrive',
        displayName: caller.displayName,
        role: membership.role,
        ...(contact === undefined ? {} : { contact }),
        ...(carryKey === undefined ? {} : { carryKey }),
      },
      session: meeting.state.session,
      ...(organiserKey === undefined ? {} : { organiserKey }),
    });
    return { meetingKey, participantId, meeting: arrival.meeting };
  }

  /**
   * Teams says these people joined or left. Only a live session takes them: Teams' meeting start
   * opens one, and a join after a session ended does not start another.
   */
  async fromTeams(meetingKey: string, meetingId: string, changes: readonly RosterChange[]) {
    const meeting = await this.deps.committer.meeting(meetingKey);
    if (meeting?.state.phase !== 'live' || meeting.salt === '') return;
    await Promise.all(
      changes.map(async ({ person, teamsUserId, inMeeting, role }) => {
        const participantId = this.deps.pseudonyms.participantId(meeting.salt, person);
        const known = meeting.state.participants[participantId];
        if (!inMeeting) {
          if (known === undefined) return;
          await this.submit(meetingKey, meetingId, {
            participantId,
            commandId: null,
            command: { type: 'depart' },
            session: meeting.state.session,
          });
          return;
        }
        const contact = this.contactOf(meeting, participantId, teamsUserId);
        const organiserKey = this.organiserKeyOf(person, role ?? known?.role ?? 'attendee');
        const carryKey = this.carryKeyOf(meetingKey, meeting, person);
        await this.submit(meetingKey, meetingId, {
          participantId,
          commandId: null,
          command: {
            type: 'arrive',
            displayName: person.displayName,
            role: role ?? known?.role ?? 'attendee',
            via: 'meeting',
            ...(contact === undefined ? {} : { contact }),
            ...(carryKey === undefined ? {} : { carryKey }),
          },
          session: meeting.state.session,
          tenantId: person.tenantId,
          ...(organiserKey === undefined ? {} : { organiserKey }),
        });
      }),
    );
  }

  private async submit(
    meetingKey: string,
    meetingId: string,
    submission: Submission,
  ): Promise<Committed> {
    const committed = await this.deps.committer.submit(meetingKey, meetingId, submission);
    if (this.deps.answerBeforeAnnouncing !== true) await committed.announced;
    return committed;
  }

  /** Kept only where the bot can use it (Teams): the local state holds no contact at all. */
  private contactOf(
    meeting: StoredMeeting,
    participantId: string,
    teamsUserId: string | null,
  ): string | undefined {
    if (this.deps.contacts === undefined || teamsUserId === null) return undefined;
    return this.deps.contacts.seal(meeting.salt, participantId, teamsUserId);
  }

  /**
   * Only while the organiser has carry-over on: the key that lets the next session recognise this
   * person (decision 013). Off, none is computed, so none is kept.
   */
  private carryKeyOf(
    meetingKey: string,
    meeting: StoredMeeting,
    person: Caller,
  ): string | undefined {
    if (!meeting.state.options.carryOver) return undefined;
    return this.deps.pseudonyms.carryKey(meetingKey, person);
  }

  private organiserKeyOf(person: Caller, role: Role): string | undefined {
    return role === 'organizer' ? this.deps.pseudonyms.organiserKey(person) : undefined;
  }
}
