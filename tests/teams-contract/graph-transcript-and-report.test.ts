// The pure readings behind the Graph measures: speaking time and turns per voice from WebVTT in
// the layouts Graph documents, and microphone time and report choice from attendance records.
import { describe, expect, it } from '@jest/globals';
import { microphoneTime, reportForSession } from '../../api/src/adapters/teams/graph/attendance.js';
import { transcriptTimes } from '../../api/src/adapters/teams/graph/webvtt.js';

describe('transcript times', () => {
  it('adds seconds and counts turns per voice, overlaps once, names dropped', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:10.000',
      '<v Kai>One</v>',
      '',
      'cue-2',
      '00:00:08.000 --> 00:00:12.000',
      '<v Kai>overlapping, same turn</v>',
      '',
      '00:00:12.000 --> 00:00:15.500',
      '<v.loud Rin>Two</v>',
      '',
      '00:00:15.500 --> 00:00:16.000',
      '<v Kai>Three</v>',
    ].join('\r\n');
    const times = transcriptTimes([vtt]);
    expect(times.voices).toEqual([
      { seconds: 12.5, turns: 2 },
      { seconds: 3.5, turns: 1 },
    ]);
    expect(JSON.stringify(times)).not.toMatch(/Kai|Rin/);
  });

  it('reads the older `0:0:0.0` times and negative offsets (calltranscript-get.md, Example 3, older repo text)', () => {
    const vtt = 'WEBVTT\n\n-0:0:2.0 --> 0:0:5.320\n<v User Name>This is a transcript test.</v>\n';
    expect(transcriptTimes([vtt]).voices).toEqual([{ seconds: 7.32, turns: 1 }]);
  });

  it('counts unattributed cues in both documented layouts without inventing voices (Examples 4/5 and 6)', () => {
    const blankBetween =
      '00:00:01.500 --> 00:00:04.000 \n\nHello, thanks for joining. \n\n00:00:04.000 --> 00:00:07.200 \n\nGlad to be here. \n';
    const compact = '00:00:16.246 --> 00:00:17.726\nThis is a transcript test.\n';
    expect(transcriptTimes([blankBetween, compact])).toEqual({ voices: [], unattributedCues: 3 });
  });

  it('sums one voice across several transcripts of a session', () => {
    const part = (to: string) => `WEBVTT\n\n00:00:00.000 --> ${to}\n<v Kai>Hi</v>\n`;
    expect(transcriptTimes([part('00:00:04.000'), part('00:00:06.000')]).voices).toEqual([
      { seconds: 10, turns: 2 },
    ]);
  });
});

describe('attendance records', () => {
  const interval = (join: string, leave: string) => ({ joinDateTime: join, leaveDateTime: leave });
  const mic = (subType: string, dateTime: string) => ({
    engagementType: 'microphone',
    engagementSubType: subType,
    dateTime,
  });

  it('an unmute never followed by a mute stays open until the attendee last left', () => {
    const time = microphoneTime(
      [
        {
          attendanceIntervals: [
            interval('2026-12-07T09:00:00Z', '2026-12-07T09:05:00Z'),
            interval('2026-12-07T09:10:00Z', '2026-12-07T09:20:00Z'),
          ],
          engagements: [mic('unmute', '2026-12-07T09:18:00Z')],
        },
        { attendanceIntervals: [interval('2026-12-07T09:00:00Z', '2026-12-07T09:20:00Z')] },
      ],
      null,
    );
    expect(time).toEqual({ attendees: 2, seconds: [120, 0] });
  });

  it('no microphone event anywhere is no measure, not a meeting of silence', () => {
    const record = {
      attendanceIntervals: [interval('2026-12-07T09:00:00Z', '2026-12-07T09:20:00Z')],
      engagements: [
        {
          engagementType: 'hand',
          engagementSubType: 'raiseHand',
          dateTime: '2026-12-07T09:01:00Z',
        },
      ],
    };
    expect(microphoneTime([record, record], null)).toBeNull();
  });

  it('picks the report that overlaps the session longest', () => {
    const reports = [
      {
        id: 'monday',
        meetingStartDateTime: '2026-11-30T09:00:00Z',
        meetingEndDateTime: '2026-11-30T10:00:00Z',
      },
      {
        id: 'restart',
        meetingStartDateTime: '2026-12-07T09:50:00Z',
        meetingEndDateTime: '2026-12-07T10:30:00Z',
      },
      {
        id: 'today',
        meetingStartDateTime: '2026-12-07T09:00:00Z',
        meetingEndDateTime: '2026-12-07T09:55:00Z',
      },
    ];
    const session = {
      from: Date.parse('2026-12-07T09:02:00Z'),
      to: Date.parse('2026-12-07T09:56:00Z'),
    };
    expect(reportForSession(reports, session)?.id).toBe('today');
    expect(reportForSession(reports.slice(0, 1), session)).toBeNull();
  });
});
