// GET /api/series/{seriesId}/summaries: authenticated now, not served yet, because nothing yet
// tells the API which series a meeting belongs to.
import type { ServicesProvider } from '../services.js';
import { authenticate, handled } from '../http/handle.js';
import { problem } from '../http/responses.js';

const NOT_YET =
  'Trends across a recurring series are not available in this version of Roundtable yet; each meeting’s own summary is.';

/** GET /api/series/{seriesId}/summaries — organisers of the series. */
export function seriesSummariesGet(services: ServicesProvider) {
  return handled(async (request) => {
    await authenticate(await services(), request);
    return problem(501, 'Not available yet', NOT_YET, { code: 'not-implemented' });
  });
}
