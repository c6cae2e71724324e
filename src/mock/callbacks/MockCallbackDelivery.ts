/**
 * One attempt to deliver a callback: when, and what the receiver answered (or why there was no answer).
 * @public
 */
export interface MockCallbackAttempt {
  /** The mock's clock (`now()`) when the attempt was sent, in milliseconds. */
  readonly at: number;
  /** The HTTP status the receiver answered, or undefined when there was none. */
  readonly status: number | undefined;
  /** Why there was no status: `'timeout'`, or the transport error's code / message. */
  readonly error?: string;
}

/**
 * One callback the mock sent (or is sending): its event, its business fields (the common
 * `appid`, `nonce`, `timestamp`, `signature` are made fresh for each attempt and left out),
 * and every attempt so far.
 * @public
 */
export interface MockCallbackDelivery {
  readonly event: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly attempts: readonly MockCallbackAttempt[];
  /**
   * `'pending'` while attempts are left; `'delivered'` on a 2xx; `'failed'` when ZEGO's
   * schedule (the first attempt and 5 redeliveries) ran out, or the server closed.
   */
  readonly outcome: 'pending' | 'delivered' | 'failed';
}
