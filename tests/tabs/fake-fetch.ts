// A stand-in for fetch in jsdom (which has none): answers the Roundtable API's routes from a
// handler and records every request with its Authorization header.
export interface Answer {
  readonly status: number;
  readonly body?: unknown;
}

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
}

export class FakeFetch {
  readonly requests: Recorded[] = [];
  answer: (method: string, path: string) => Answer = () => ({ status: 404 });

  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // The tab only ever passes a URL string; jsdom has no Request class to check against.
    const url = new URL(input as string, 'https://tab.example');
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    this.requests.push({ method, path: url.pathname, authorization: headers.get('authorization') });
    const { status, body } = this.answer(method, url.pathname);
    const response = {
      status,
      ok: status >= 200 && status < 300,
      statusText: String(status),
      headers: new Headers({ 'content-type': 'application/json' }),
      json: () => Promise.resolve(body ?? {}),
      body: { cancel: () => Promise.resolve() },
    };
    return Promise.resolve(response as unknown as Response);
  };

  /** Requests to the API after the given count, e.g. to see that polling stopped. */
  since(count: number): Recorded[] {
    return this.requests.slice(count);
  }
}
