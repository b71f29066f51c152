// Graph's answers in the documented shapes, one definition for the local Graph and the tests' fake
// Graph. Each builder names its page; the pages are MicrosoftDocs/microsoft-graph-docs-contrib
// unless said otherwise. Values are whatever the caller holds: the shapes are Microsoft's.

/** Which meeting an answer is about: the organiser's tenant and object id, and the Graph id. */
export interface GraphMeetingIds {
  readonly tenantId: string;
  readonly organiserId: string;
  readonly graphMeetingId: string;
}

export interface GraphAttendee {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: 'Organizer' | 'Presenter' | 'Attendee';
  readonly joined: string;
  readonly left: string;
  /** [engagementType, engagementSubType, dateTime] — meetingengagement.md (v1.0) values. */
  readonly engagements?: readonly (readonly [string, string, string])[];
}

/**
 * An attendanceRecord: api-reference/v1.0/api/meetingattendancereport-get.md (response example,
 * `$expand=attendanceRecords`) for the fields, resources/attendancerecord.md (`engagements`,
 * newest learn page) and resources/meetingengagement.md (v1.0) for the engagement events.
 */
export function attendanceRecord(person: GraphAttendee) {
  const seconds = Math.round((Date.parse(person.left) - Date.parse(person.joined)) / 1000);
  return {
    emailAddress: person.email,
    totalAttendanceInSeconds: seconds,
    role: person.role,
    identity: { id: person.id, displayName: person.name, tenantId: null },
    attendanceIntervals: [
      { joinDateTime: person.joined, leaveDateTime: person.left, durationInSeconds: seconds },
    ],
    ...(person.engagements === undefined
      ? {}
      : {
          engagements: person.engagements.map(([engagementType, engagementSubType, dateTime]) => ({
            '@odata.type': '#microsoft.graph.meetingEngagement',
            dateTime,
            engagementSubType,
            engagementType,
          })),
        }),
  };
}

export interface GraphReport {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly attendees: readonly GraphAttendee[];
}

/** A report as listed: meetingattendancereport-list.md ("attendanceRecords … is empty"). */
export function listedReport(report: GraphReport) {
  return {
    id: report.id,
    totalParticipantCount: report.attendees.length,
    meetingStartDateTime: report.start,
    meetingEndDateTime: report.end,
    attendanceRecords: [],
  };
}

export interface GraphTranscript {
  readonly id: string;
  readonly created: string;
  readonly ended: string;
  readonly vtt: string;
}

/** A callTranscript as listed: onlinemeeting-list-transcripts.md (v1.0, 2026 capture). */
export function listedTranscript(
  transcript: GraphTranscript,
  meetingPath: string,
  meeting: GraphMeetingIds,
) {
  return {
    id: transcript.id,
    meetingId: meeting.graphMeetingId,
    callId: 'c1a2b3d4-0000-4000-8000-000000000001',
    createdDateTime: transcript.created,
    endDateTime: transcript.ended,
    contentCorrelationId: 'd4c3b2a1-0000-4000-8000-000000000002',
    transcriptContentUrl: `https://graph.microsoft.com/v1.0/$metadata#${meetingPath}/transcripts/('${transcript.id}')/content`,
    meetingOrganizer: {
      application: null,
      device: null,
      user: {
        '@odata.type': '#Microsoft.Teams.GraphSvc.teamworkUserIdentity',
        id: meeting.organiserId,
        displayName: null,
        userIdentityType: 'aadUser',
        tenantId: meeting.tenantId,
      },
    },
  };
}

/**
 * Error bodies: calltranscript-get.md "Error responses" (v1.0, 2026 capture) for the two
 * transcript codes; the access-policy 403 is the one reported in microsoftgraph/msgraph-sdk-
 * powershell#3348 (observed, not documented); 402 per concepts/teams-licenses.md (the page gives
 * the message, not the envelope; the envelope is Graph's usual one).
 */
export const GRAPH_ERRORS = {
  transcriptsOff: {
    error: {
      code: 'Forbidden',
      message: 'Transcripts cannot be read through Graph here.',
      innerError: { code: 'GraphAccessToTranscriptsDisabled' },
    },
  },
  attributionOff: {
    error: {
      code: 'Forbidden',
      message: 'Speaker names are not given here; ask for the unattributed format.',
      innerError: { code: 'SpeakerAttributionNotAllowed' },
    },
  },
  noAccessPolicy: {
    error: {
      code: 'General',
      message: 'No application access policy found for this app.',
      innerError: {
        date: '2026-12-07T10:00:00',
        'request-id': 'aa11bb22-0000-4000-8000-000000000003',
      },
    },
  },
  notBilled: {
    error: {
      code: 'PaymentRequired',
      message: '...evaluation capacity for the month has exceeded...',
      innerError: { date: '2026-12-07T10:00:00' },
    },
  },
  invalidFormat: { error: { code: 'BadRequest', message: "Invalid format '*/*'" } },
} as const;
