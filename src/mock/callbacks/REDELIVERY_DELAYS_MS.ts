/**
 * ZEGO's redelivery schedule after a non-2xx answer (or none): 2, 4, 8, 16 and 32 s after the
 * previous attempt, 62 s in all. The mock multiplies it by its `callbackTimeScale`.
 * @public
 */
export const REDELIVERY_DELAYS_MS: readonly number[] = Object.freeze([2000, 4000, 8000, 16000, 32000]);

/** How long ZEGO waits for a `before_send_msg` verdict before it tries once more (then gives up). */
export const BEFORE_SEND_ANSWER_MS = 2500;
