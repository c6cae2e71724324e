import type { ZimCall } from '../../core/Call.js';
import { wallNow } from '../../core/Clock.js';
import { describeKind } from '../../core/describeValue.js';
import type { Outcome } from '../../core/Outcome.js';
import { untilAborted } from '../../core/untilAborted.js';
import { ZimError } from '../../errors/ZimError.js';
import type { ResolvedOptions } from '../../options/resolveOptions.js';
import { signRequest } from '../../sign/signRequest.js';
import { type Remedy, remedy } from '../Remedy.js';

const SIGNATURE_EXPIRED = 100000004;
const SIGNATURE_INVALID = 100000005;

/**
 * Signs every attempt anew: fresh nonce, the timestamp corrected by the clock offset, the secret
 * read again (it may be a function, for rotation). It owns the clock offset (server minus ours,
 * per client): on "signature expired" it learns it from the answer's `Date` header, so the next
 * attempt (and every later call) is signed right, and it tells the steps outside it on every
 * auth outcome (`clockOffsetMs`). On "invalid signature" with a fixed-string secret it gives the
 * call up (`secret-refused`): the same secret signs the same way, so a re-sign would only double
 * the calls; a secret function is read again, so retry re-signs once. Without credentials (a door wrapping already-signed requests)
 * it passes calls through. A `serverSecret()` that never settles cannot hold a call past its
 * signal, `close()` or the attempt timeout.
 * @internal
 */
export function signRemedy(options: ResolvedOptions): Remedy {
  const { appId, serverSecret, clock } = options;
  let clockOffsetMs = 0;
  const fixedSecret = typeof serverSecret === 'string';
  const learnOffset = (outcome: Outcome): Outcome => {
    if (outcome.category !== 'auth') return outcome;
    if (outcome.code === SIGNATURE_EXPIRED) {
      const serverNow = Date.parse(outcome.response?.header('date') ?? '');
      if (!Number.isNaN(serverNow)) clockOffsetMs = serverNow - wallNow(clock);
    }
    if (outcome.code === SIGNATURE_INVALID && fixedSecret && outcome.giveUp === undefined)
      return { ...outcome, clockOffsetMs, giveUp: 'secret-refused' };
    return { ...outcome, clockOffsetMs };
  };
  return remedy('sign', (next) => {
    if (appId === undefined || serverSecret === undefined) return next;
    const signed = (call: ZimCall, secret: unknown) => {
      if (typeof secret !== 'string' || secret.length === 0) {
        throw new TypeError(
          `expected serverSecret() to return a non-empty string, got ${describeKind(secret)}`,
        );
      }
      const timestamp = Math.floor((wallNow(clock) + clockOffsetMs) / 1000);
      return next({ ...call, signed: signRequest({ appId, serverSecret: secret, timestamp }) }).then(
        learnOffset,
      );
    };
    if (typeof serverSecret === 'string') return (call) => signed(call, serverSecret);
    // The secret function is user code: its wait obeys the call's signal, the client's close()
    // and the attempt timeout (so a call still settles by deadlineMs + attemptTimeoutMs).
    const { attemptTimeoutMs } = options.retry;
    return async (call) => {
      let timer: unknown;
      const late = new Promise<never>((_, reject) => {
        timer = clock.setTimeout(
          () =>
            reject(
              new ZimError(
                `serverSecret() did not settle within retry.attemptTimeoutMs (${attemptTimeoutMs} ms)`,
              ),
            ),
          attemptTimeoutMs,
        );
      });
      try {
        const secret = Promise.race([Promise.resolve(serverSecret()), late]);
        return signed(call, await untilAborted(secret, call.signal));
      } finally {
        clock.clearTimeout(timer);
      }
    };
  });
}
