import { type BeforeSendVerdict, toVerdict } from './BeforeSendVerdict.js';
import type { CallbackContext } from './CallbackReceiverOptions.js';

/** The verdict of a `before_send_msg` handler, and where it came from. */
export interface VerdictOutcome {
  readonly verdict: BeforeSendVerdict;
  readonly source: 'handler' | 'timeout' | 'error';
  readonly error?: unknown;
}

/**
 * Runs a `before_send_msg` handler against a deadline: its verdict when it answers in time, the
 * fallback when it is slower (its context's signal is aborted then) or throws.
 */
export async function answerBeforeSend(
  handler: ((context: CallbackContext) => unknown) | undefined,
  key: string,
  withinMs: number,
  fallback: BeforeSendVerdict,
  closed: AbortSignal,
): Promise<VerdictOutcome> {
  if (!handler) return { verdict: { result: 0 }, source: 'handler' };
  const controller = new AbortController();
  const onClose = () => controller.abort(closed.reason);
  closed.addEventListener('abort', onClose, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<VerdictOutcome>((resolve) => {
    timer = setTimeout(
      () => {
        controller.abort(new Error('before_send_msg verdict past its time'));
        resolve({ verdict: fallback, source: 'timeout' });
      },
      Math.max(0, withinMs),
    );
  });
  const answered = (async (): Promise<VerdictOutcome> => {
    try {
      return { verdict: toVerdict(await handler({ key, signal: controller.signal })), source: 'handler' };
    } catch (error) {
      return { verdict: fallback, source: 'error', error };
    }
  })();
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
    closed.removeEventListener('abort', onClose);
  }
}
