// A live stream's body. It is a web ReadableStream, so any host can send it as a response; a host
// that holds the socket (the local node:http host) can instead have the frames written straight
// to it. Through the stream, every frame to every subscriber passes a queue, a read promise and a
// Node stream before reaching the socket: with a thousand subscribers that was most of the time a
// broadcast spent before its first byte left the process.

/** Where a subscriber's frames go. */
export interface FrameSink {
  write(frame: Uint8Array): void;
  /** Bytes sent but not yet taken by the receiver: how far behind it is. */
  backlog(): number;
  close(): void;
  fail(error: Error): void;
}

/**
 * A subscriber's frames from the moment it subscribes. Until the host chooses how to send them
 * (reading the stream, or handing over its socket), they wait here, so a change published in
 * between is not missed.
 */
export class Outlet implements FrameSink {
  private sink: FrameSink | null = null;
  private waiting: Uint8Array[] = [];
  private waitingBytes = 0;
  private ending: { readonly error: Error | null } | null = null;

  /** Sends what waited, then everything after it, to `sink`; false when already connected. */
  connect(sink: FrameSink): boolean {
    if (this.sink !== null) return false;
    this.sink = sink;
    for (const frame of this.waiting) sink.write(frame);
    this.waiting = [];
    this.waitingBytes = 0;
    if (this.ending?.error) sink.fail(this.ending.error);
    else if (this.ending) sink.close();
    return true;
  }

  write(frame: Uint8Array): void {
    if (this.sink !== null) {
      this.sink.write(frame);
      return;
    }
    this.waiting.push(frame);
    this.waitingBytes += frame.byteLength;
  }

  backlog(): number {
    return this.sink?.backlog() ?? this.waitingBytes;
  }

  close(): void {
    if (this.sink !== null) this.sink.close();
    else this.ending ??= { error: null };
  }

  fail(error: Error): void {
    if (this.sink !== null) {
      this.sink.fail(error);
      return;
    }
    // What waited is dropped with the subscriber: the reader gets the error, not stale frames.
    this.waiting = [];
    this.waitingBytes = 0;
    this.ending ??= { error };
  }
}

export class LiveBody extends ReadableStream<Uint8Array> {
  constructor(
    private readonly outlet: Outlet,
    onCancel: () => void,
  ) {
    // A high-water mark of 0: the stream asks for frames only when someone reads it, so it
    // connects only then, and what it queues is exactly what the reader has not taken.
    super(
      {
        pull: (controller) => {
          outlet.connect(queueOf(controller));
        },
        cancel: onCancel,
      },
      new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
    );
  }

  /**
   * Sends the frames to `sink` instead of through the stream, which is then never read; the
   * host calls `cancel()` when its socket closes. False when the stream is already being read.
   */
  divert(sink: FrameSink): boolean {
    return this.outlet.connect(sink);
  }
}

function queueOf(controller: ReadableStreamDefaultController<Uint8Array>): FrameSink {
  return {
    write: (frame) => {
      controller.enqueue(frame);
    },
    // Null once the stream has errored; the next write then throws and the hub lets it go.
    backlog: () => -(controller.desiredSize ?? 0),
    close: () => {
      try {
        controller.close();
      } catch {
        // Already closed by the reader.
      }
    },
    fail: (error) => {
      controller.error(error);
    },
  };
}
