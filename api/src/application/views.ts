// A person's view is the public view plus their own part. The public part is the same for
// everyone answered from one committed state — tens of kilobytes in a meeting of 1 000, where a
// burst answers a thousand people from a handful of commits — so it is built, serialised and
// digested once per state, and each answer serialises only its own part.
import { createHash } from 'node:crypto';
import type { MeetingState, ParticipantView, PublicView, ViewMeta } from '@roundtable/core';
import { ownView, publicView } from '@roundtable/core';

/** A view as sent: its JSON, and its entity tag (the public version and a digest of the view). */
export interface SerialisedView {
  readonly body: string;
  readonly etag: string;
}

export interface PersonalView {
  readonly view: ParticipantView;
  readonly serialised: SerialisedView;
}

interface SharedPart {
  readonly meta: ViewMeta;
  readonly view: PublicView;
  readonly json: string;
  readonly digest: string;
}

const digestOf = (text: string) => createHash('sha256').update(text).digest('base64url');

export class ViewBuilder {
  /** Committed states are never changed, so a state object stands for its public view. */
  private readonly shared = new WeakMap<MeetingState, SharedPart>();

  /** The participant's view of this state; null when they have not arrived in it. */
  personal(state: MeetingState, meta: ViewMeta, participantId: string): PersonalView | null {
    const own = ownView(state, participantId);
    if (own === null) return null;
    const shared = this.sharedPart(state, meta);
    const ownJson = JSON.stringify(own);
    // Both are JSON objects with no key in common: the view is the one, then the other.
    const body = `${shared.json.slice(0, -1)},${ownJson.slice(1)}`;
    const digest = digestOf(`${shared.digest}\n${ownJson}`);
    return {
      view: { ...shared.view, ...own },
      serialised: { body, etag: `"${meta.version}.${digest.slice(0, 16)}"` },
    };
  }

  private sharedPart(state: MeetingState, meta: ViewMeta): SharedPart {
    const known = this.shared.get(state);
    if (known?.meta.meetingId === meta.meetingId && known.meta.version === meta.version) {
      return known;
    }
    const view = publicView(state, meta);
    const json = JSON.stringify(view);
    const part = { meta, view, json, digest: digestOf(json) };
    this.shared.set(state, part);
    return part;
  }
}
