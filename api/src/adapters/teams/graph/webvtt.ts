// Speaking time per voice from a WebVTT transcript, as Graph serves it (`<v Name>…</v>` cues,
// calltranscript-get.md). A pure function: names only group cues inside it and never leave it.

/** One voice's share of the transcript: seconds spoken and turns taken; no name. */
export interface VoiceTime {
  readonly seconds: number;
  readonly turns: number;
}

export interface TranscriptTimes {
  /** One entry per voice, in no meaningful order. */
  readonly voices: readonly VoiceTime[];
  /** Cues with no voice tag (an unattributed transcript has only these). */
  readonly unattributedCues: number;
}

interface Cue {
  readonly start: number;
  readonly end: number;
  readonly voice: string | null;
}

// `00:00:16.246`, `0:0:5.320` (older examples) and `mm:ss.ttt` (WebVTT's short form); Graph
// documents negative offsets for a transcript that began while people were already talking.
const TIME = String.raw`-?(?:\d+:)?\d+:\d+(?:\.\d+)?`;
const TIMING = new RegExp(String.raw`^\s*(${TIME})\s+-->\s+(${TIME})`);
// `<v Name>` or `<v.loud Name>`: the annotation after the first space is the voice.
const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]+)>/;

/**
 * Seconds and turns per voice over one session's transcripts (transcription can be stopped and
 * started again, giving several). Cue times are offsets within their own transcript, so overlaps
 * are only merged within one.
 */
export function transcriptTimes(vtts: readonly string[]): TranscriptTimes {
  const seconds = new Map<string, number>();
  const turns = new Map<string, number>();
  let unattributedCues = 0;
  for (const vtt of vtts) {
    const spans = new Map<string, [number, number][]>();
    let previous: string | null = null;
    for (const cue of parseCues(vtt).sort((a, b) => a.start - b.start)) {
      if (cue.voice === null) {
        unattributedCues += 1;
        continue;
      }
      spans.set(cue.voice, [...(spans.get(cue.voice) ?? []), [cue.start, cue.end]]);
      // A turn is a run of cues by one voice: Teams splits long speech into many cues.
      if (cue.voice !== previous) turns.set(cue.voice, (turns.get(cue.voice) ?? 0) + 1);
      previous = cue.voice;
    }
    for (const [voice, intervals] of spans) {
      seconds.set(voice, (seconds.get(voice) ?? 0) + unionSeconds(intervals));
    }
  }
  const voices = [...seconds].map(([voice, total]) => ({
    seconds: Math.round(total * 1000) / 1000,
    turns: turns.get(voice) ?? 0,
  }));
  return { voices, unattributedCues };
}

function parseCues(vtt: string): Cue[] {
  const lines = vtt.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const cues: Cue[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const timing = TIMING.exec(lines[index] ?? '');
    if (timing === null) continue;
    const start = seconds(timing[1] ?? '');
    const end = seconds(timing[2] ?? '');
    // The text follows the timing line, after a blank line in one of Graph's unattributed layouts.
    let text = '';
    let next = index + 1;
    while (next < lines.length && (lines[next] ?? '').trim() === '' && text === '') next += 1;
    while (next < lines.length && (lines[next] ?? '').trim() !== '') {
      if (TIMING.test(lines[next] ?? '')) break;
      text += `${lines[next] ?? ''}\n`;
      next += 1;
    }
    index = next - 1;
    const voice = VOICE.exec(text)?.[1]?.trim() ?? null;
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) {
      cues.push({ start, end, voice: voice === '' ? null : voice });
    }
  }
  return cues;
}

function seconds(time: string): number {
  const negative = time.startsWith('-');
  const parts = (negative ? time.slice(1) : time).split(':').map(Number);
  const value = parts.reduce((total, part) => total * 60 + part, 0);
  return negative ? -value : value;
}

/** Seconds covered by the intervals, overlaps counted once. */
function unionSeconds(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = -Infinity;
  for (const [start, end] of sorted) {
    const from = Math.max(start, reach);
    if (end > from) total += end - from;
    reach = Math.max(reach, end);
  }
  return total;
}
