// Short-lived signed tickets for the local live stream: EventSource cannot send an Authorization
// header, so /live hands out a ticket that opens one meeting's stream for one person.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LiveTicket {
  readonly meetingKey: string;
  readonly participantId: string;
  readonly expiresAt: number;
}

export class LiveTickets {
  constructor(private readonly secret: string) {}

  sign(ticket: LiveTicket): string {
    const payload = Buffer.from(JSON.stringify(ticket)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The ticket when genuine and unexpired; otherwise null. */
  verify(token: string, now: number): LiveTicket | null {
    const parts = token.split('.');
    if (parts.length !== 2) return null;
    const [payload = '', mac = ''] = parts;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const ticket = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LiveTicket;
      return typeof ticket.expiresAt === 'number' && ticket.expiresAt > now ? ticket : null;
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(`live\u0000${payload}`).digest('base64url');
  }
}
