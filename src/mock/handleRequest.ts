import type { IncomingMessage, ServerResponse } from 'node:http';
import { addFailures, batchSpecOf, withoutFailed } from './applyItemFailures.js';
import { checkPublicParams } from './checkPublicParams.js';
import { decideFault, NO_FAULT } from './faults.js';
import { runHandler } from './handlers/runHandler.js';
import type { MockRuntime } from './MockRuntime.js';
import { type MockScriptedReply, replacesAnswer } from './MockScriptedAnswer.js';
import type { ActionStatsRecorder } from './MockStats.js';
import { MOCK_CODES, messageFor } from './mockCodes.js';
import { firstValue, parseQuery } from './parseQuery.js';
import { readParams } from './readParams.js';
import { type Headers, htmlErrorPage, resetSocket, send, zimBody } from './respond.js';
import { describeSchemaError } from './validation/describeSchemaError.js';

const NO_CODES: ReadonlySet<number> = new Set();
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return undefined;
      chunks.push(chunk as Buffer);
    }
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks);
}

/** One answer to write once its delay has passed (or a reset). */
interface Outcome {
  readonly kind: 'json' | 'html' | 'raw' | 'reset';
  readonly status?: number;
  readonly body?: string;
  readonly contentType?: string;
}

/**
 * Handles one request: scripted answer, public parameters, body, limits, faults, the action.
 * The action takes effect on arrival; `latencyMs`, `slow` and scripted delays only delay the answer.
 */
export async function handleRequest(
  rt: MockRuntime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  if (body === undefined) {
    resetSocket(res);
    return;
  }
  const { options } = rt;
  const arrivedAt = options.now();
  const serverNowMs = arrivedAt + rt.clockOffsetMs;
  const requestId = `mock-${++rt.requestCount}`;
  const query = parseQuery(req.url ?? '/');
  const named = firstValue(query['Action']);
  const stats = named !== undefined && rt.specs.has(named) ? rt.stats.forAction(named) : undefined;
  const { traceparent } = req.headers;
  stats?.arrive(arrivedAt, typeof traceparent === 'string' ? traceparent : traceparent?.join(','));

  let delayMs = options.latencyMs;
  let headers: Headers = {};
  let scripted = false;
  let resetAfterCommit = false;
  let itemFailures: Readonly<Record<string, number>> | undefined;
  const finish = async (outcome: Outcome): Promise<void> => {
    await rt.delays.wait(delayMs);
    if (rt.delays.closed || resetAfterCommit || outcome.kind === 'reset') return resetSocket(res);
    const now = options.now() + rt.clockOffsetMs;
    const type = outcome.contentType ?? (outcome.kind === 'html' ? HTML_TYPE : JSON_TYPE);
    send(res, outcome.status ?? 200, type, outcome.body ?? '', now, headers);
  };
  const answer = (code: number, message = messageFor(code), fields?: Readonly<Record<string, unknown>>) => {
    if (!resetAfterCommit) stats?.answered(code);
    return finish({ kind: 'json', body: zimBody(code, message, requestId, fields) });
  };

  const script = named === undefined ? undefined : rt.scripts.take(named);
  if (script !== undefined) {
    scripted = true;
    if (stats !== undefined) stats.faults.scripted++;
    if (script === 'reset') return finish({ kind: 'reset' });
    if (script === 'resetAfterCommit') resetAfterCommit = true;
    else if (script !== 'pass') {
      delayMs += script.delayMs ?? 0;
      headers = script.headers ?? {};
      itemFailures = script.itemFailures;
      if (replacesAnswer(script)) return finish(scriptedOutcome(script, requestId, stats));
    }
  }

  const publicCheck = checkPublicParams(query, {
    appId: options.appId,
    serverSecret: options.serverSecret,
    serverNowMs,
    isKnownAction: (action) => rt.specs.has(action),
  });
  if (!publicCheck.ok) return answer(publicCheck.code, publicCheck.message);
  const action = publicCheck.action;
  const actionStats = rt.stats.forAction(action);
  const parsed = readParams(query, body);
  if (!parsed.ok)
    return answer(MOCK_CODES.badInput, `${messageFor(MOCK_CODES.badInput)} (${parsed.message})`);
  const admission = rt.limiter.admit(action, rt.specs.get(action)!, parsed.params, arrivedAt);
  if (!admission.ok) {
    if (admission.rateLimited) actionStats.rejected++;
    return answer(admission.code, admission.message);
  }
  actionStats.admit(arrivedAt, admission.units);
  const check = rt.checks.get(action);
  if (rt.options.strict && check !== undefined && !check.validate(parsed.params))
    return answer(MOCK_CODES.invalidParameter, describeSchemaError(check.validate.errors?.[0]));

  const fault = scripted ? NO_FAULT : decideFault(rt.random, rt.faults, action);
  if (fault.slow) {
    actionStats.faults.slow++;
    delayMs += rt.faults.slowMs;
  }
  if (fault.kind !== undefined) actionStats.faults[fault.kind]++;
  switch (fault.kind) {
    case 'busy':
      return answer(MOCK_CODES.busy); // 1: server busy
    case 'gateway':
      return answer(MOCK_CODES.gatewayError); // 100000015: API gateway internal error
    case 'http503':
      return finish({ kind: 'html', status: 503, body: htmlErrorPage(503) });
    case 'resetBeforeAnswer':
      return finish({ kind: 'reset' });
    case 'resetAfterCommit':
      resetAfterCommit = true;
      break;
    case undefined:
      break;
  }
  const batch = itemFailures === undefined ? undefined : batchSpecOf(action);
  const split =
    batch === undefined || itemFailures === undefined
      ? undefined
      : withoutFailed(parsed.params, batch, itemFailures);
  const handled = runHandler(action, {
    params: split?.params ?? parsed.params,
    state: rt.state,
    serverNowMs,
    codes: check?.codes ?? NO_CODES,
    emit: rt.callbacks === undefined ? undefined : (event, fields) => rt.callbacks?.emit(event, fields),
  });
  const result =
    batch === undefined || split === undefined || itemFailures === undefined
      ? handled
      : addFailures(handled, batch, split.failed, itemFailures);
  return answer(result.code, result.message, result.fields);
}

function scriptedOutcome(
  reply: MockScriptedReply,
  requestId: string,
  stats: ActionStatsRecorder | undefined,
): Outcome {
  const status = reply.http ?? 200;
  if (typeof reply.body === 'string')
    return { kind: 'raw', status, body: reply.body, contentType: HTML_TYPE };
  if (reply.body !== undefined)
    return { kind: 'raw', status, body: JSON.stringify(reply.body), contentType: JSON_TYPE };
  if (reply.code !== undefined) {
    stats?.answered(reply.code);
    return {
      kind: 'json',
      status,
      body: zimBody(reply.code, reply.message ?? messageFor(reply.code), requestId),
    };
  }
  return { kind: 'html', status, body: htmlErrorPage(status) };
}
