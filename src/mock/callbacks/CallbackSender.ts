import type { Delays } from '../Delays.js';
import type { MockCallbackAttempt, MockCallbackDelivery } from './MockCallbackDelivery.js';
import { type PostOutcome, postCallback } from './postCallback.js';
import { BEFORE_SEND_ANSWER_MS, REDELIVERY_DELAYS_MS } from './REDELIVERY_DELAYS_MS.js';
import { signCallbackFields } from './signCallbackFields.js';

/** Where and how the mock sends its callbacks. */
export interface CallbackSenderOptions {
  readonly url: URL;
  readonly secret: string;
  readonly appId: number;
  readonly unit: 's' | 'ms';
  /** Multiplies ZEGO's redelivery delays (1 = real time, 0.001 turns 62 s into 62 ms). */
  readonly timeScale: number;
  /** How long one attempt waits for an answer, in milliseconds (not scaled). */
  readonly attemptTimeoutMs: number;
  /** The mock's clock (`now()`): the attempts' `at`. */
  readonly now: () => number;
  /** The server clock (`now()` plus the offset): the signed `timestamp`. */
  readonly serverNow: () => number;
  /** The server's timers: `close()` cancels the redeliveries waiting on them. */
  readonly delays: Delays;
}

/** What a `before_send_msg` came to: the receiver's verdict, or why there was none. */
export interface BeforeSendOutcome {
  /** 0 neutral, 1 send, 2 send silently, 3 do not send (any other `result` counts as 0). */
  readonly result: 0 | 1 | 2 | 3 | undefined;
  readonly reason?: string;
  /** Why there is no verdict: `'timeout'` (twice), `'http 503'`, a transport error. */
  readonly failure?: string;
}

interface MutableDelivery {
  readonly event: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly attempts: MockCallbackAttempt[];
  outcome: MockCallbackDelivery['outcome'];
}

const is2xx = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

/**
 * Sends the mock's callbacks as ZEGO does: a signed JSON POST per event, redelivered on a
 * non-2xx answer (or none) 2, 4, 8, 16 and 32 s after the previous attempt (times `timeScale`),
 * and `before_send_msg` answered within 2.5 s (one more try at once, then it gives up).
 */
export class CallbackSender {
  readonly #o: CallbackSenderOptions;
  readonly #deliveries: MutableDelivery[] = [];
  readonly #running = new Set<Promise<void>>();
  readonly #closing = new AbortController();

  constructor(options: CallbackSenderOptions) {
    this.#o = options;
  }

  /** Every callback sent so far, in the order their events happened. */
  get deliveries(): readonly MockCallbackDelivery[] {
    return this.#deliveries;
  }

  /** Sends `event` with its business fields, redelivering on ZEGO's schedule, in the background. */
  emit(event: string, fields: Readonly<Record<string, unknown>>): void {
    const delivery: MutableDelivery = { event, fields, attempts: [], outcome: 'pending' };
    this.#deliveries.push(delivery);
    const run = this.#deliver(delivery).finally(() => this.#running.delete(run));
    this.#running.add(run);
  }

  /** Asks the receiver for its verdict on a message about to be sent. */
  async askBeforeSend(fields: Readonly<Record<string, unknown>>): Promise<BeforeSendOutcome> {
    const delivery: MutableDelivery = { event: 'before_send_msg', fields, attempts: [], outcome: 'pending' };
    this.#deliveries.push(delivery);
    let outcome: PostOutcome | undefined;
    for (let tries = 0; tries < 2; tries++) {
      outcome = await this.#attempt(delivery, BEFORE_SEND_ANSWER_MS);
      if (outcome.status !== undefined || outcome.error !== 'timeout') break;
    }
    if (outcome === undefined || outcome.status === undefined) {
      delivery.outcome = 'failed';
      return { result: undefined, failure: outcome?.error ?? 'closed' };
    }
    if (!is2xx(outcome.status)) {
      delivery.outcome = 'failed';
      return { result: undefined, failure: `http ${outcome.status}` };
    }
    delivery.outcome = 'delivered';
    return verdictOf(outcome.body);
  }

  /** Resolves once every callback is delivered or has run out of attempts. */
  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }

  /** Stops sending: attempts in flight are dropped and no redelivery is made. */
  close(): void {
    this.#closing.abort();
  }

  async #deliver(delivery: MutableDelivery): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.#attempt(delivery, this.#o.attemptTimeoutMs);
      if (is2xx(outcome.status)) {
        delivery.outcome = 'delivered';
        return;
      }
      const delay = REDELIVERY_DELAYS_MS[attempt];
      if (delay === undefined || this.#closing.signal.aborted) break;
      await this.#o.delays.wait(delay * this.#o.timeScale);
      if (this.#o.delays.closed || this.#closing.signal.aborted) break;
    }
    delivery.outcome = 'failed';
  }

  async #attempt(delivery: MutableDelivery, timeoutMs: number): Promise<PostOutcome> {
    const body = JSON.stringify(
      signCallbackFields(delivery.event, delivery.fields, {
        appId: this.#o.appId,
        secret: this.#o.secret,
        nowMs: this.#o.serverNow(),
        unit: this.#o.unit,
      }),
    );
    const at = this.#o.now();
    const outcome = await postCallback(this.#o.url, body, timeoutMs, this.#closing.signal);
    delivery.attempts.push(
      outcome.status === undefined
        ? { at, status: undefined, error: outcome.error }
        : { at, status: outcome.status },
    );
    return outcome;
  }
}

/** The verdict in a `before_send_msg` answer; anything but 1, 2 or 3 is neutral (0). */
function verdictOf(body: string): BeforeSendOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { result: 0 };
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const result = record['result'];
  const reason = typeof record['reason'] === 'string' ? record['reason'] : undefined;
  const verdict = result === 1 || result === 2 || result === 3 ? result : 0;
  return reason === undefined ? { result: verdict } : { result: verdict, reason };
}
