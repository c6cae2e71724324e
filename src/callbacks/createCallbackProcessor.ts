import { isCallbackFresh, isCallbackSignatureValid } from '../sign/verifyCallbackSignature.js';
import { answerBeforeSend } from './answerBeforeSend.js';
import type { BeforeSendVerdict } from './BeforeSendVerdict.js';
import { CallbackEventSink } from './CallbackEventSink.js';
import type { CallbackRefusal } from './CallbackHooks.js';
import type { AnyCallbackEvent, CallbackContext } from './CallbackReceiverOptions.js';
import { type CallbackRequest, type CallbackResponse, jsonResponse } from './CallbackResponse.js';
import type { DedupeClaim, DedupeStore } from './DedupeStore.js';
import { dedupeKeyOf } from './dedupeKeyOf.js';
import { MemoryDedupeStore } from './MemoryDedupeStore.js';
import { type CallbackFields, parseCallbackBody } from './parseCallbackBody.js';
import { RedisDedupeStore } from './RedisDedupeStore.js';
import type { ResolvedReceiverOptions } from './resolveReceiverOptions.js';

/** A claim runs out after this long, so a handler that crashed its process does not hold an event forever. */
const PENDING_TTL_MS = 60_000;
/** How often a `before_send_msg` redelivery checks whether another process has answered. */
const POLL_MS = 25;

const STATUS: Record<CallbackRefusal, number> = {
  'bad signature': 401,
  'stale timestamp': 401,
  'missing fields': 400,
  'malformed body': 400,
  'body too large': 413,
  'method not allowed': 405,
};

const isScalar = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The one module behind every door: reads what it was handed, checks it, dedupes it, runs its handler. */
export interface CallbackProcessor {
  handle(request: CallbackRequest): Promise<CallbackResponse>;
  close(): Promise<void>;
}

export function createCallbackProcessor(options: ResolvedReceiverOptions): CallbackProcessor {
  const sink = new CallbackEventSink(options.hooks);
  const memory = new MemoryDedupeStore(options.now);
  const shared: DedupeStore | undefined = options.redis ? new RedisDedupeStore(options.redis) : undefined;
  const closing = new AbortController();
  /** `before_send_msg` verdicts being decided here, so a redelivery waits for the same one. */
  const deciding = new Map<string, Promise<BeforeSendVerdict>>();

  /** A store call on Redis, falling back to memory (and saying so) when Redis fails. */
  async function store<T>(call: (s: DedupeStore) => Promise<T>): Promise<T> {
    if (!shared) return call(memory);
    try {
      return await call(shared);
    } catch (error) {
      sink.emit('dedupeError', { error });
      return call(memory);
    }
  }

  function refuse(reason: CallbackRefusal, event: string | undefined): CallbackResponse {
    const status = STATUS[reason];
    sink.emit('refused', { reason, status, event });
    return jsonResponse(
      status,
      { error: reason },
      reason === 'body too large' ? { connection: 'close' } : {},
    );
  }

  function check(request: CallbackRequest): { fields: CallbackFields } | { response: CallbackResponse } {
    if ((request.method ?? 'POST').toUpperCase() !== 'POST')
      return { response: refuse('method not allowed', undefined) };
    if (request.tooLarge) return { response: refuse('body too large', undefined) };
    const fields = request.body === undefined ? undefined : parseCallbackBody(request.body);
    if (!fields) return { response: refuse('malformed body', undefined) };
    const event = typeof fields['event'] === 'string' ? fields['event'] : undefined;
    const { signature, timestamp, nonce } = fields;
    if (typeof signature !== 'string' || !isScalar(timestamp) || !isScalar(nonce))
      return { response: refuse('bad signature', event) };
    if (!isCallbackSignatureValid({ signature, timestamp, nonce, callbackSecret: options.callbackSecret }))
      return { response: refuse('bad signature', event) };
    if (!isCallbackFresh(timestamp, options.maxAgeSeconds, options.now()))
      return { response: refuse('stale timestamp', event) };
    if (event === undefined || event === '') return { response: refuse('missing fields', event) };
    return { fields };
  }

  async function beforeSend(fields: CallbackFields, key: string, started: number): Promise<CallbackResponse> {
    const within = options.beforeSendTimeoutMs;
    const answer = (verdict: BeforeSendVerdict, source: 'handler' | 'timeout' | 'error' | 'duplicate') => {
      sink.emit('verdict', { key, verdict, source, elapsedMs: Date.now() - started });
      return jsonResponse(200, verdict);
    };
    const local = deciding.get(key);
    if (local) {
      sink.emit('duplicate', { event: 'before_send_msg', key, state: 'in progress' });
      return answer(await local, 'duplicate');
    }
    const claim = await Promise.race([
      store((s) => s.claim(key, PENDING_TTL_MS)),
      sleep(within).then((): DedupeClaim => ({ state: 'pending' })),
    ]);
    if (claim.state === 'done') {
      sink.emit('duplicate', { event: 'before_send_msg', key, state: 'handled' });
      return answer(claim.verdict ?? options.beforeSendFallback, 'duplicate');
    }
    if (claim.state === 'pending') {
      sink.emit('duplicate', { event: 'before_send_msg', key, state: 'in progress' });
      while (Date.now() - started + POLL_MS < within) {
        await sleep(POLL_MS);
        const again = await store((s) => s.claim(key, PENDING_TTL_MS)).catch(() => undefined);
        if (again?.state === 'done' && again.verdict) return answer(again.verdict, 'duplicate');
        if (again?.state === 'new') void store((s) => s.release(key, again.token));
      }
      return answer(options.beforeSendFallback, 'timeout');
    }
    sink.emit('received', { event: 'before_send_msg', key });
    const handler = options.on.before_send_msg;
    const decided = answerBeforeSend(
      handler && ((context: CallbackContext) => handler(fields as never, context)),
      key,
      within - (Date.now() - started),
      options.beforeSendFallback,
      closing.signal,
    );
    deciding.set(
      key,
      decided.then((o) => o.verdict),
    );
    const outcome = await decided;
    if (outcome.source === 'error')
      sink.emit('handlerError', { event: 'before_send_msg', key, error: outcome.error });
    void store((s) => s.done(key, options.dedupeTtlMs, outcome.verdict))
      .catch(() => {})
      .finally(() => deciding.delete(key));
    return answer(outcome.verdict, outcome.source);
  }

  async function handle(request: CallbackRequest): Promise<CallbackResponse> {
    const started = Date.now();
    const checked = check(request);
    if ('response' in checked) return checked.response;
    const { fields } = checked;
    const event = fields['event'] as string;
    const key = dedupeKeyOf(fields);
    if (event === 'before_send_msg') return beforeSend(fields, key, started);
    const claim = await store((s) => s.claim(key, PENDING_TTL_MS));
    if (claim.state !== 'new') {
      const state = claim.state === 'done' ? 'handled' : 'in progress';
      sink.emit('duplicate', { event, key, state });
      return state === 'handled'
        ? jsonResponse(200, { ok: true, duplicate: true })
        : jsonResponse(503, { error: 'in progress' }, { 'retry-after': '2' });
    }
    sink.emit('received', { event, key });
    const own = (
      options.on as Record<string, ((e: AnyCallbackEvent, c: CallbackContext) => unknown) | undefined>
    )[event];
    const handler = own ?? options.on['*'];
    try {
      if (handler) await handler(fields as AnyCallbackEvent, { key, signal: closing.signal });
    } catch (error) {
      sink.emit('handlerError', { event, key, error });
      await store((s) => s.release(key, claim.token)).catch(() => {});
      return jsonResponse(500, { error: 'handler failed' });
    }
    await store((s) => s.done(key, options.dedupeTtlMs)).catch(() => {});
    return jsonResponse(200, { ok: true });
  }

  return {
    handle,
    async close() {
      closing.abort(new Error('the callback receiver was closed'));
      await Promise.all([memory.close(), shared?.close()]);
    },
  };
}
