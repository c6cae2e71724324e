/**
 * The admin endpoint's routes, under `/_mock/`: a path no ZIM route uses (the server API is
 * `/?Action=...`), so they can never be mistaken for a ZIM call.
 *
 * - `GET /_mock/stats`: `server.stats()` ({@link MockStats});
 * - `GET /_mock/records`: `server.state` as JSON ({@link MockRecordsJson});
 * - `GET /_mock/callbacks`: `server.callbacks()` ({@link MockCallbackDelivery}[]);
 * - `POST /_mock/faults` with a {@link MockFaults} body: `server.setFaults()`, answers the faults
 *   now in force (a wrong one: 400 with the TypeError's message);
 * - `POST /_mock/reset`: `server.resetStats()` (the state, the windows and the faults are kept).
 *
 * @public
 */
export const MOCK_ADMIN_PATHS = Object.freeze({
  stats: '/_mock/stats',
  records: '/_mock/records',
  callbacks: '/_mock/callbacks',
  faults: '/_mock/faults',
  reset: '/_mock/reset',
} as const);
