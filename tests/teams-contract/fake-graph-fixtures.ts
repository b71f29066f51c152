// Graph answers in the documented shapes, with our own values. Each builder names its page;
// the pages are MicrosoftDocs/microsoft-graph-docs-contrib unless said otherwise.

export const GRAPH_TENANT = '6f0c1c3e-8a51-4d5e-9c4b-2a1f7e0d9b11';
export const ORGANISER_OID = '2b7e9a40-5c1d-4f3e-8a6b-0c9d1e2f3a4b';
/** Shaped like the meeting details' msGraphResourceId (meeting-apps-apis.md example). */
export const GRAPH_MEETING_ID =
  'MSoyYjdlOWE0MC01YzFkLTRmM2UtOGE2Yi0wYzlkMWUyZjNhNGIqMCoqMTk6bWVldGluZ19aR1ZtWVhWc2RAdGhyZWFkLnYy';

export interface FakeAttendee {
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
export function attendanceRecord(person: FakeAttendee) {
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

export interface FakeReport {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly attendees: readonly FakeAttendee[];
}

/** A report as listed: meetingattendancereport-list.md ("attendanceRecords … is empty"). */
export function listedReport(report: FakeReport) {
  return {
    id: report.id,
    totalParticipantCount: report.attendees.length,
    meetingStartDateTime: report.start,
    meetingEndDateTime: report.end,
    attendanceRecords: [],
  };
}

export interface FakeTranscript {
  readonly id: string;
  readonly created: string;
  readonly ended: string;
  readonly vtt: string;
}

/** A callTranscript as listed: onlinemeeting-list-transcripts.md (v1.0, 2026 capture). */
export function listedTranscript(transcript: FakeTranscript, meetingPath: string) {
  return {
    id: transcript.id,
    meetingId: GRAPH_MEETING_ID,
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
        id: ORGANISER_OID,
        displayName: null,
        userIdentityType: 'aadUser',
        tenantId: GRAPH_TENANT,
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
