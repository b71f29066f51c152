// Reading Teams' meeting ids, shared by the API and the tab. The tab context's `meeting.id` is
// base64 of "0#<thread id>#<message id or 0>" (msteams-docs apps-in-teams-meetings/meeting-apps-apis.md):
// a scheduled meeting's thread is its chat; a channel meeting's thread is the whole channel and the
// message id is the meeting's own post. Every occurrence of a recurring meeting, and every call in
// a chat, shares one id: Roundtable tells them apart as sessions, never from the id.

/** The entity id the configuration page gives the Roundtable tab, used by deep links to it. */
export const TAB_ENTITY_ID = 'roundtable';

export type TeamsMeetingKind = 'chat' | 'channel';

export interface TeamsMeetingIds {
  /** The thread the id names: the meeting's (or call's) chat, or the channel. */
  readonly threadId: string;
  /** A channel meeting's post in the channel; null for meetings in a chat. */
  readonly messageId: string | null;
  readonly kind: TeamsMeetingKind;
  /**
   * The conversation the meeting lives in: the chat itself, or for a channel meeting its own
   * thread in the channel ("<channel>;messageid=<post>"), never the channel as a whole.
   */
  readonly conversationId: string;
}

// Thread ids are printable ASCII without '#', which separates the parts of the encoded form.
const ENCODED = /^0#(19:[!-"$-~]+)#(\d+)$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
// Channels are "…@thread.tacv2" (and "…@thread.skype" for older teams); chats are "…@thread.v2"
// or, for one-on-one chats, "…@unq.gbl.spaces".
const CHANNEL_THREAD = /@thread\.(tacv2|skype)$/;

/** The parts of a Teams meeting id, or null when the id is not one Teams issues. */
export function parseTeamsMeetingId(meetingId: string): TeamsMeetingIds | null {
  if (meetingId.length % 4 !== 0 || !BASE64.test(meetingId)) return null;
  const match = ENCODED.exec(fromBase64(meetingId));
  if (match === null) return null;
  const threadId = match[1] ?? '';
  const channel = CHANNEL_THREAD.test(threadId);
  const message = match[2] ?? '0';
  if (!channel) {
    return { threadId, messageId: null, kind: 'chat', conversationId: threadId };
  }
  // A channel meeting without its post is the channel itself: not a meeting Roundtable can place.
  if (message === '0') return null;
  return {
    threadId,
    messageId: message,
    kind: 'channel',
    conversationId: `${threadId};messageid=${message}`,
  };
}

/** Encodes a thread (and a channel meeting's post) the way Teams does, for the simulator and tests. */
export function teamsMeetingId(threadId: string, messageId = '0'): string {
  return toBase64(`0#${threadId}#${messageId}`);
}

// The core has no platform (no atob, no Buffer): a small base64 codec for the ASCII ids Teams uses.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 to text, one character per byte; bytes outside ASCII make it unreadable (''). */
function fromBase64(text: string): string {
  const digits = text.replace(/=+$/, '');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const char of digits) {
    value = (value << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (value >> bits) & 0xff;
      if (byte > 0x7e) return '';
      out += String.fromCharCode(byte);
    }
  }
  return out;
}

function toBase64(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index += 3) {
    const bytes = [0, 1, 2].map((offset) => text.charCodeAt(index + offset));
    const [a = 0, b = 0, c = 0] = bytes.map((code) => (Number.isNaN(code) ? 0 : code & 0xff));
    const triple = (a << 16) | (b << 8) | c;
    const available = Math.min(3, text.length - index);
    for (let digit = 0; digit < 4; digit++) {
      out += digit <= available ? ALPHABET.charAt((triple >> (18 - digit * 6)) & 63) : '=';
    }
  }
  return out;
}
