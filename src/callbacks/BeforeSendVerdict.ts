/**
 * The answer to `before_send_msg`: 0 neutral (sent), 1 send, 2 send silently (the recipients do
 * not get it), 3 do not send. ZEGO counts any other `result` as neutral.
 *
 * @public
 */
export interface BeforeSendVerdict {
  readonly result: 0 | 1 | 2 | 3;
  /** Why, for your own logs (ZEGO does not show it to the sender). */
  readonly reason?: string;
}

/**
 * What a `before_send_msg` handler may return: a verdict, a bare result, or nothing (neutral).
 *
 * @public
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing answers neutral
export type BeforeSendAnswer = BeforeSendVerdict | 0 | 1 | 2 | 3 | undefined | void;

/** A handler's answer as the verdict ZEGO reads; anything it would not understand is neutral. */
export function toVerdict(answer: unknown): BeforeSendVerdict {
  const result =
    typeof answer === 'object' && answer !== null ? (answer as { result?: unknown }).result : answer;
  if (result !== 0 && result !== 1 && result !== 2 && result !== 3) return { result: 0 };
  const reason =
    typeof answer === 'object' && answer !== null ? (answer as { reason?: unknown }).reason : undefined;
  return typeof reason === 'string' ? { result, reason } : { result };
}
