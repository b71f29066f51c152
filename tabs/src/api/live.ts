// Live updates: server-sent events locally, Azure Web PubSub in Teams. Both deliver the public view.
import { LIVE_EVENTS, type PublicView } from '@roundtable/core';
import type { LiveAccess } from './client.js';

export interface LiveHandlers {
  onView(view: PublicView): void;
  onOpen(): void;
  /** The connection dropped; the transport may already be trying again. */
  onDrop(): void;
  /** Something changed in this person's own view (never says what): fetch it. */
  onNudge(): void;
}

export interface LiveSubscription {
  close(): void;
}

export function subscribeLive(access: LiveAccess, handlers: LiveHandlers): LiveSubscription {
  return access.transport === 'sse'
    ? subscribeSse(access.url, handlers)
    : subscribeWebPubSub(access.url, handlers);
}

function subscribeSse(url: string, handlers: LiveHandlers): LiveSubscription {
  const source = new EventSource(url);
  source.onopen = () => {
    handlers.onOpen();
  };
  source.onerror = () => {
    handlers.onDrop();
  };
  source.addEventListener(LIVE_EVENTS.nudge, () => {
    handlers.onNudge();
  });
  source.addEventListener(LIVE_EVENTS.view, (event) => {
    handlers.onView(JSON.parse((event as MessageEvent<string>).data) as PublicView);
  });
  return {
    close: () => {
      source.close();
    },
  };
}

function subscribeWebPubSub(url: string, handlers: LiveHandlers): LiveSubscription {
  let closed = false;
  let stop: () => void = () => undefined;
  // Loaded only in Teams, so the local side panel's bundle does not carry the client.
  void import('@azure/web-pubsub-client').then(
    async ({ WebPubSubClient }) => {
      if (closed) return;
      const client = new WebPubSubClient(url);
      client.on('connected', () => {
        handlers.onOpen();
      });
      client.on('disconnected', () => {
        handlers.onDrop();
      });
      client.on('group-message', (event) => {
        handlers.onView(event.message.data as PublicView);
      });
      client.on('server-message', () => {
        handlers.onNudge();
      });
      stop = () => {
        client.stop();
      };
      await client.start().then(
        () => {
          // Closed while the socket was still connecting (the panel went to sleep): the client
          // ignores a stop then, so it is stopped now that it is open.
          if (closed) client.stop();
        },
        () => {
          if (!closed) handlers.onDrop();
        },
      );
    },
    () => {
      handlers.onDrop();
    },
  );
  return {
    close: () => {
      closed = true;
      stop();
    },
  };
}
