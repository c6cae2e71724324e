import { MockState } from '../MockState.js';
import type { Handler } from './Handler.js';
import { messageItem } from './messageRecords.js';
import { page } from './paging.js';
import { bool, list, num, numbers, objects, str } from './params.js';
import { isResult, ok, refuse } from './results.js';

/** ZIM's limit on pinned conversations per user. */
const MAX_PINNED = 100;
/** ZIM's default limit on do-not-disturb conversations per user. */
const MAX_SILENCED = 500;

/** QueryConversationList: FromUserId's conversations, most recent first, `Limit` (default 100) from offset `Next`. */
const QueryConversationList: Handler = ({ params, state }) => {
  const convs = state.conversationsOf(str(params, 'FromUserId'));
  const p = page(convs, params, { max: 500, fallback: 100 });
  if (isResult(p)) return p;
  const { slice, next } = p;
  return ok({
    TotalCount: convs.length,
    Next: next,
    List: slice.map((c) => ({ ConvId: c.ConvId, ConvType: c.ConvType, UpdateTime: c.UpdateTime })),
  });
};

/** ClearConversationUnread: the conversation must be in FromUserId's list (660800002). */
const ClearConversationUnread: Handler = ({ params, state }) => {
  const conv = state.conversations
    .get(str(params, 'FromUserId'))
    ?.get(`${num(params, 'ConvType', 0)}:${str(params, 'ConvId')}`);
  if (conv === undefined) return refuse(660800002);
  conv.UnreadCount = 0;
  return ok();
};

/** ConvPinned: PinnedType 1 pins, 0 unpins; an unregistered one-to-one ConvId goes to ErrorList (660800001). */
const ConvPinned: Handler = ({ params, state, serverNowMs }) => {
  const from = str(params, 'FromUserId');
  const pin = num(params, 'PinnedType', 1) === 1;
  const errors: { ConvId: string; ConvType: number; SubCode: number; SubMessage: string }[] = [];
  for (const item of objects(params, 'ConvList')) {
    const convId = String(item['ConvId']);
    const convType = Number(item['ConvType']) === 2 ? 2 : 0;
    if (convType === 0 && !state.users.has(convId)) {
      errors.push({ ConvId: convId, ConvType: convType, SubCode: 660800001, SubMessage: 'not registered' });
      continue;
    }
    const convs = MockState.inner(state.conversations, from);
    if (pin && [...convs.values()].filter((c) => c.Pinned).length >= MAX_PINNED) return refuse(660800048);
    if (!convs.has(`${convType}:${convId}`))
      state.touchConversation(from, convType, convId, serverNowMs, false);
    const conv = convs.get(`${convType}:${convId}`);
    if (conv !== undefined) conv.Pinned = pin;
  }
  return ok({ ErrorList: errors });
};

/** DeleteConv: removes the conversation from FromUserId's list. */
const DeleteConv: Handler = ({ params, state }) => {
  state.conversations
    .get(str(params, 'FromUserId'))
    ?.delete(`${num(params, 'ConvType', 0)}:${str(params, 'ConvId')}`);
  return ok();
};

/** SetConvMark: records the marks as sent, per UserId; unregistered users go to FailList (660800001). */
const SetConvMark: Handler = ({ params, state }) => {
  const failList: { SubCode: number; SubMessage: string; UserId: string; FailList: [] }[] = [];
  for (const item of objects(params, 'ConvMarkInfoList')) {
    const userId = String(item['UserId']);
    if (!state.users.has(userId)) {
      failList.push({ SubCode: 660800001, SubMessage: 'not registered', UserId: userId, FailList: [] });
      continue;
    }
    const marks = {
      SetMarkC2c: item['SetMarkC2c'],
      SetMarkGroup: item['SetMarkGroup'],
      Action: item['Action'],
    };
    for (const [key, conv] of MockState.inner(state.conversations, userId)) {
      if (key.startsWith('0:') && item['SetMarkC2c'] !== undefined) conv.Marks = marks;
      if (key.startsWith('2:') && item['SetMarkGroup'] !== undefined) conv.Marks = marks;
    }
  }
  return ok({ FailList: failList });
};

/** SilenceConvNotification: Enable turns do-not-disturb on (again: 660800051) or off (again: 660800052). */
const SilenceConvNotification: Handler = ({ params, state, serverNowMs }) => {
  const from = str(params, 'FromUserId');
  const convType = num(params, 'ConvType', 0) === 2 ? 2 : 0;
  const enable = bool(params, 'Enable', true);
  const convs = MockState.inner(state.conversations, from);
  const errors: { ConvId: string; SubCode: number; SubMessage: string }[] = [];
  for (const convId of list(params, 'ConvIds')) {
    if (convType === 2 && !state.groups.has(convId)) {
      errors.push({ ConvId: convId, SubCode: 660600001, SubMessage: 'The group does not exist.' });
      continue;
    }
    if (!convs.has(`${convType}:${convId}`))
      state.touchConversation(from, convType, convId, serverNowMs, false);
    const conv = convs.get(`${convType}:${convId}`);
    if (conv === undefined) continue;
    if (conv.Silenced === enable) {
      const code = enable ? 660800051 : 660800052;
      errors.push({ ConvId: convId, SubCode: code, SubMessage: enable ? 'already on' : 'already off' });
    } else if (enable && [...convs.values()].filter((c) => c.Silenced).length >= MAX_SILENCED) {
      errors.push({ ConvId: convId, SubCode: 660800030, SubMessage: 'do-not-disturb list full' });
    } else conv.Silenced = enable;
  }
  return ok({ ErrorList: errors });
};

/** QueryMessagesByMsgSeq: ConvType 0 (FromUserId with ConvId) or 2 (group ConvId); unknown MsgSeqs are left out. */
const QueryMessagesByMsgSeq: Handler = ({ params, state }) => {
  const convId = str(params, 'ConvId');
  const convType = num(params, 'ConvType', 0);
  const group = convType === 2 ? state.groups.get(convId) : undefined;
  if (convType === 2 && group === undefined) return refuse(660600001);
  const messages = group?.Messages ?? state.peerConversation(str(params, 'FromUserId'), convId);
  const wanted = new Set(numbers(params, 'MsgSeqList'));
  return ok({ MessageList: messages.filter((m) => wanted.has(m.MsgSeq)).map((m) => messageItem(m, true)) });
};

/** The conversations domain. */
export const conversationHandlers: Readonly<Record<string, Handler>> = {
  QueryConversationList,
  ClearConversationUnread,
  ConvPinned,
  DeleteConv,
  SetConvMark,
  SilenceConvNotification,
  QueryMessagesByMsgSeq,
};
