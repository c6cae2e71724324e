import type { CallRecord } from '../MockState.js';
import type { Handler, HandlerContext, HandlerResult } from './Handler.js';
import { list, num, str } from './params.js';
import { isResult, ok, refuse } from './results.js';

/** CallInvite: every callee must be registered (660900003); answers the CallId. */
const CallInvite: Handler = ({ params, state, serverNowMs, emit }) => {
  const callees = list(params, 'UserIds');
  const unknown = callees.filter((id) => !state.users.has(id));
  if (unknown.length > 0) return refuse(660900003, `not registered: ${unknown.join(', ')}`);
  const call: CallRecord = {
    CallId: state.newCallId(),
    Inviter: str(params, 'FromUserId'),
    Callees: new Map(callees.map((id) => [id, 'invited'])),
    CreateTime: serverNowMs,
    Timeout: num(params, 'Timeout', 90),
    ExtendedData: str(params, 'ExtendedData'),
    Ended: false,
  };
  state.calls.set(call.CallId, call);
  emit?.('call_create', {
    call_id: call.CallId,
    user_ids: callees,
    create_time: serverNowMs,
    payload: call.ExtendedData,
    caller: call.Inviter,
    timeout: call.Timeout,
  });
  return ok({ CallId: call.CallId, CreateTime: serverNowMs, ErrorUsers: [] });
};

/**
 * The call a callee answers: unknown CallId (660900004), ended (660900005), an invitation
 * past its Timeout (660900006), FromUserId not invited (660900008).
 */
function answerable(ctx: HandlerContext): CallRecord | HandlerResult {
  const call = ctx.state.calls.get(str(ctx.params, 'CallId'));
  if (call === undefined) return refuse(660900004);
  if (call.Ended) return refuse(660900005);
  const state = call.Callees.get(str(ctx.params, 'FromUserId'));
  if (state === undefined) return refuse(660900008);
  if (state === 'invited' && ctx.serverNowMs > call.CreateTime + call.Timeout * 1000)
    return refuse(660900006);
  return call;
}

/** CallAccept: the callee joins the call. */
const CallAccept: Handler = (ctx) => {
  const call = answerable(ctx);
  if (isResult(call)) return call;
  call.Callees.set(str(ctx.params, 'FromUserId'), 'accepted');
  ctx.emit?.('call_accept', {
    call_id: call.CallId,
    user_id: str(ctx.params, 'FromUserId'),
    extend_data: str(ctx.params, 'ExtendedData'),
  });
  return ok();
};

/** CallReject: the callee declines; the call ends when every callee has. */
const CallReject: Handler = (ctx) => {
  const call = answerable(ctx);
  if (isResult(call)) return call;
  call.Callees.set(str(ctx.params, 'FromUserId'), 'rejected');
  call.Ended = [...call.Callees.values()].every((s) => s === 'rejected');
  ctx.emit?.('call_reject', {
    call_id: call.CallId,
    user_id: str(ctx.params, 'FromUserId'),
    extend_data: str(ctx.params, 'ExtendedData'),
  });
  return ok();
};

/** The call invitations domain. */
export const callHandlers: Readonly<Record<string, Handler>> = { CallInvite, CallAccept, CallReject };
