// Just enough of the browser's EventSource for the tab's live code (tabs/src/api/live.ts) to run
// in Node 20, which has none: open, named events with their data, error and close. Like the tab
// expects, an error ends the stream for good (the tab reconnects through /live itself).
export class NodeEventSource extends EventTarget {
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly controller = new AbortController();
  private closed = false;

  constructor(readonly url: string) {
    super();
    void this.run();
  }

  close(): void {
    this.closed = true;
    this.controller.abort();
  }

  private async run(): Promise<void> {
    try {
      const response = await fetch(this.url, {
        headers: { accept: 'text/event-stream' },
        signal: this.controller.signal,
      });
      if (response.status !== 200 || response.body === null) {
        await response.body?.cancel();
        throw new Error(`The stream answered ${response.status}.`);
      }
      this.onopen?.(new Event('open'));
      await this.read(response.body);
    } catch {
      // Aborted by close(), refused, or cut off: only a stream not closed by its owner reports it.
    }
    if (!this.closed) {
      this.closed = true;
      this.onerror?.(new Event('error'));
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        this.dispatch(frame);
      }
    }
  }

  private dispatch(frame: string): void {
    let type = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) type = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length === 0 || this.closed) return;
    this.dispatchEvent(Object.assign(new Event(type), { data: data.join('\n') }));
  }
}
