import { describeTransportError } from '../../codes/describeTransportError.js';
import { wallNow } from '../../core/Clock.js';
import type { Outcome } from '../../core/Outcome.js';
import { attemptEndOf } from '../../events/attemptEndOf.js';
import type { EventSink } from '../../events/EventSink.js';
import type { ResolvedOptions } from '../../options/resolveOptions.js';
import { type Remedy, remedy } from '../Remedy.js';
import { classifyResponse } from './classifyResponse.js';

/**
 * Turns each attempt's answer into a category (status, then body `Code` through the catalog; a 2xx
 * without ZIM JSON is never resent for an action that is not idempotent),
 * and a transport error into one: fatal when no retry can help (a TLS certificate not trusted);
 * retryable when nothing was written, or when the action is idempotent; otherwise fatal, marked
 * as possibly committed (`mayHaveCommitted`, a fact the outcome carries). It keeps no state.
 * @internal
 */
export function classifyRemedy(options: ResolvedOptions, events?: EventSink): Remedy {
  const { catalog, clock } = options;
  return remedy('classify', (next) => (call) => {
    /** Emits `attemptEnd` (for hooks and telemetry) with the classified outcome. */
    const told = (outcome: Outcome): Outcome => {
      if (events?.wants('attemptEnd')) events.emit('attemptEnd', attemptEndOf(call, outcome), call);
      return outcome;
    };
    const classified = (outcome: Outcome): Outcome =>
      told(
        outcome.response
          ? classifyResponse(outcome.response, catalog, wallNow(clock), call.idempotent)
          : outcome,
      );
    const transportFailed = (error: unknown): Outcome => {
      if (call.signal.aborted) throw call.signal.reason;
      const failure = describeTransportError(error);
      const written = failure.written !== 'no';
      return told({
        category: !failure.fatal && (!written || call.idempotent) ? 'retryable' : 'fatal',
        error,
        mayHaveCommitted: written,
        ...(failure.kind === 'file-descriptors' && { local: true }),
      });
    };
    try {
      return next(call).then(classified, transportFailed);
    } catch (error) {
      return Promise.reject(error).catch(transportFailed);
    }
  });
}
