// Where Graph keeps a Teams meeting: the meeting details' `msGraphResourceId` under the organiser's
// Entra object id (graph-api/meeting-transcripts/fetch-id.md: "The organizer ID is contained as the
// value for aadObjectId"). Best effort: calls and channel meetings may give none.
import type { GraphMeeting, GraphMeetingSource } from '../../../application/measures-ports.js';
import { encodeSegment, type BotConnector } from '../bot-connector.js';

export class TeamsGraphMeetings implements GraphMeetingSource {
  constructor(private readonly connector: BotConnector) {}

  async graphMeetingOf(meetingId: string, tenantId?: string): Promise<GraphMeeting | null> {
    try {
      const { details, organizer } = await this.connector.call(tenantId, (client) =>
        client.meetings.getById(encodeSegment(meetingId)),
      );
      const graphMeetingId = details?.msGraphResourceId;
      const organiserId = organizer?.aadObjectId;
      const organiserTenant = organizer?.tenantId ?? tenantId;
      if (!graphMeetingId || !organiserId || !organiserTenant) return null;
      return { tenantId: organiserTenant, organiserId, graphMeetingId };
    } catch {
      return null;
    }
  }
}
