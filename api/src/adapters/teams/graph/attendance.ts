// Microphone open time per attendee from a Graph attendance report, and which report belongs to
// a session. Pure functions over the documented shapes (meetingattendancereport-get.md,
// attendancerecord.md, meetingengagement.md); identities are never read.

export interface Interval {
  readonly from: number;
  readonly to: number;
}

export interface AttendanceReportSummary {
  readonly id: string;
  readonly meetingStartDateTime?: string | null;
  readonly meetingEndDateTime?: string | null;
}

export interface AttendanceRecordShape {
  readonly attendanceIntervals?: readonly {
    readonly joinDateTime?: string | null;
    readonly leaveDateTime?: string | null;
  }[];
  readonly engagements?: readonly {
    readonly engagementType?: string;
    readonly engagementSubType?: string;
    readonly dateTime?: string;
  }[];
}

/**
 * The report of this session: a recurring meeting or a call started again has several reports
 * under one meeting. The one overlapping the session longest wins; none overlapping means Teams
 * has not produced this session's report yet.
 */
export function reportForSession<T extends AttendanceReportSummary>(
  reports: readonly T[],
  session: Interval,
): T | null {
  let best: T | null = null;
  let bestOverlap = 0;
  for (const report of reports) {
    const span = intervalOf(report.meetingStartDateTime, report.meetingEndDateTime);
    const shared = span === null ? 0 : overlap(span, session);
    if (shared > bestOverlap) {
      best = report;
      bestOverlap = shared;
    }
  }
  return best;
}

export interface MicrophoneTime {
  /** Everyone in the report, whether they spoke or not. */
  readonly attendees: number;
  /** Seconds each attendee's microphone was open, one number per attendee, no ids. */
  readonly seconds: readonly number[];
}

/**
 * Open-microphone seconds per attendee, or null when no record carries a microphone event (the
 * tenant's reports hold no engagements, so no time can be told). Graph documents the events but
 * not the state before the first one: a first event that is `mute` is read as open since joining,
 * and an `unmute` never followed by `mute` as open until the attendee last left (our reading).
 */
export function microphoneTime(
  records: readonly AttendanceRecordShape[],
  reportEnd: number | null,
): MicrophoneTime | null {
  const events = records.map(microphoneEvents);
  if (!events.some((mine) => mine.length > 0)) return null;
  const seconds = records.map((record, index) => {
    const joins = (record.attendanceIntervals ?? []).map((i) => Date.parse(i.joinDateTime ?? ''));
    const leaves = (record.attendanceIntervals ?? []).map((i) => Date.parse(i.leaveDateTime ?? ''));
    const firstJoin = Math.min(...joins.filter(Number.isFinite));
    const lastLeave = Math.max(...leaves.filter(Number.isFinite));
    let openedAt: number | null = null;
    let total = 0;
    for (const [position, event] of (events[index] ?? []).entries()) {
      if (event.open) {
        openedAt ??= event.at;
      } else {
        const from = openedAt ?? (position === 0 && Number.isFinite(firstJoin) ? firstJoin : null);
        if (from !== null && event.at > from) total += event.at - from;
        openedAt = null;
      }
    }
    if (openedAt !== null) {
      const until = Number.isFinite(lastLeave) ? lastLeave : reportEnd;
      if (until !== null && until > openedAt) total += until - openedAt;
    }
    return Math.round(total / 1000);
  });
  return { attendees: records.length, seconds };
}

/** A record's microphone events in time order: open (unmute) or closed (mute). */
function microphoneEvents(record: AttendanceRecordShape): { at: number; open: boolean }[] {
  return (record.engagements ?? [])
    .filter(
      (event) =>
        event.engagementType === 'microphone' &&
        (event.engagementSubType === 'unmute' || event.engagementSubType === 'mute'),
    )
    .map((event) => ({
      at: Date.parse(event.dateTime ?? ''),
      open: event.engagementSubType === 'unmute',
    }))
    .filter((event) => Number.isFinite(event.at))
    .sort((a, b) => a.at - b.at);
}

export function intervalOf(
  from: string | null | undefined,
  to: string | null | undefined,
): Interval | null {
  const start = Date.parse(from ?? '');
  const end = Date.parse(to ?? '');
  return Number.isFinite(start) && Number.isFinite(end) && end >= start
    ? { from: start, to: end }
    : null;
}

export function overlap(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from));
}
