// What Teams recorded about one session, read from Graph and reduced to anonymous numbers before
// anything leaves this file: the attendance report's microphone events (meetingattendancereport-
// get.md, meetingengagement.md) and the transcript's cues (onlinemeeting-list-transcripts.md,
// calltranscript-get.md). Raw answers live only in local variables of one call.
import type { FloorSource, MeasureGap } from '@roundtable/core';
import type {
  MeasureOutcome,
  MeasuresTarget,
  MeetingArtefacts,
} from '../../../application/measures-ports.js';
import { property } from '../../untrusted.js';
import {
  intervalOf,
  microphoneTime,
  overlap,
  reportForSession,
  type AttendanceRecordShape,
  type AttendanceReportSummary,
} from './attendance.js';
import { GraphError, type GraphClient } from './graph-client.js';
import { transcriptTimes } from './webvtt.js';

/** Pages of transcripts followed at most (10 a page by default, per the list page's paging example). */
const MAX_PAGES = 5;

export class GraphMeetingArtefacts implements MeetingArtefacts {
  constructor(private readonly graph: GraphClient) {}

  async measure(
    target: MeasuresTarget,
    sources: readonly FloorSource[],
  ): Promise<MeasureOutcome[]> {
    return Promise.all(
      sources.map(async (source) => {
        try {
          return source === 'microphone'
            ? await this.microphone(target)
            : await this.transcript(target);
        } catch (error) {
          if (!(error instanceof GraphError)) throw error;
          return { source, gap: gapFor(error) };
        }
      }),
    );
  }

  private async microphone(target: MeasuresTarget): Promise<MeasureOutcome> {
    const base = meetingPath(target);
    const reports = list<AttendanceReportSummary>(
      await this.graph.json(target.tenantId, `${base}/attendanceReports`),
    ).filter((report) => typeof report.id === 'string');
    const report = reportForSession(reports, target);
    if (report === null) return { source: 'microphone', gap: 'not-ready' };
    const full = await this.graph.json(
      target.tenantId,
      `${base}/attendanceReports/${encodeURIComponent(report.id)}?$expand=attendanceRecords`,
    );
    const records = arrayOf<AttendanceRecordShape>(property(full, 'attendanceRecords'));
    const end = intervalOf(report.meetingStartDateTime, report.meetingEndDateTime)?.to ?? null;
    const time = microphoneTime(records, end);
    return time === null
      ? { source: 'microphone', gap: 'no-data' }
      : { source: 'microphone', measure: { source: 'microphone', ...time } };
  }

  private async transcript(target: MeasuresTarget): Promise<MeasureOutcome> {
    const base = meetingPath(target);
    const ids: string[] = [];
    let path: string | null = `${base}/transcripts`;
    for (let page = 0; path !== null && page < MAX_PAGES; page += 1) {
      const body = await this.graph.json(target.tenantId, path);
      for (const transcript of list<Record<string, unknown>>(body)) {
        if (inSession(transcript, target) && typeof transcript.id === 'string')
          ids.push(transcript.id);
      }
      path = nextPage(property(body, '@odata.nextLink'));
    }
    if (ids.length === 0) return { source: 'transcript', gap: 'not-ready' };
    const texts: string[] = [];
    for (const id of ids) {
      // The attributed format only: an unattributed transcript cannot tell one speaker from another.
      texts.push(
        await this.graph.text(
          target.tenantId,
          `${base}/transcripts/${encodeURIComponent(id)}/content?$format=text/vtt`,
          'text/vtt',
        ),
      );
    }
    const { voices, unattributedCues } = transcriptTimes(texts);
    if (voices.length === 0) {
      return {
        source: 'transcript',
        gap: unattributedCues > 0 ? 'speaker-attribution-off' : 'no-data',
      };
    }
    return {
      source: 'transcript',
      // Everyone the transcript heard; the attendance report may know of more, but is not blended in.
      measure: {
        source: 'transcript',
        attendees: voices.length,
        seconds: voices.map((v) => v.seconds),
      },
    };
  }
}

/** Documented codes first (branch on innerError.code, calltranscript-get.md), then the status. */
export function gapFor(error: GraphError): MeasureGap {
  if (error.code === 'GraphAccessToTranscriptsDisabled') return 'transcripts-off';
  if (error.code === 'SpeakerAttributionNotAllowed') return 'speaker-attribution-off';
  if (error.status === 402) return 'not-billed';
  if (error.status === 401 || error.status === 403) return 'not-permitted';
  // 404 (not there yet, or the meeting expired), 429/5xx after retries, no answer or no token:
  // look again later.
  return 'not-ready';
}

function meetingPath(target: MeasuresTarget): string {
  return `/users/${encodeURIComponent(target.organiserId)}/onlineMeetings/${encodeURIComponent(target.graphMeetingId)}`;
}

function list<T>(body: unknown): T[] {
  return arrayOf<T>(property(body, 'value'));
}

function arrayOf<T>(value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  // Shapes are checked field by field where read; only objects pass.
  return (value as unknown[]).filter(
    (item): item is T => typeof item === 'object' && item !== null,
  );
}

/** A transcript belongs to the session when its span (or its start, if no end is given) falls in it. */
function inSession(transcript: Record<string, unknown>, session: MeasuresTarget): boolean {
  const created = transcript.createdDateTime;
  const ended = transcript.endDateTime;
  const start = typeof created === 'string' ? created : null;
  const span = intervalOf(start, typeof ended === 'string' ? ended : start);
  if (span === null) return false;
  return span.to === span.from
    ? span.from >= session.from && span.from <= session.to
    : overlap(span, session) > 0;
}

/**
 * Graph's nextLink is absolute (`…/v1.0/users('…')/onlineMeetings('…')/transcripts?$skiptoken=…`
 * in the paging example); only a link to a transcript list under a user is followed.
 */
function nextPage(link: unknown): string | null {
  if (typeof link !== 'string') return null;
  const path = /^https:\/\/[^/]+\/(?:v1\.0|beta)(\/users[/(][^?#]*\/transcripts\?[^#]*)$/.exec(
    link,
  )?.[1];
  return path ?? null;
}
