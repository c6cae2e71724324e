import { blocklistHandlers } from './blocklist.js';
import { callHandlers } from './calls.js';
import { conversationHandlers } from './conversations.js';
import { friendHandlers } from './friends.js';
import { groupMessageHandlers } from './groupMessages.js';
import { groupQueryHandlers } from './groupQueries.js';
import { groupSettingHandlers } from './groupSettings.js';
import { groupHandlers } from './groups.js';
import type { Handler, HandlerContext, HandlerResult } from './Handler.js';
import { peerMessageHandlers } from './peerMessages.js';
import { ok, refuse } from './results.js';
import { roomMessageHandlers } from './roomMessages.js';
import { roomHandlers } from './rooms.js';
import { userHandlers } from './users.js';

/** Every documented action's handler, by domain. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  ...userHandlers,
  ...friendHandlers,
  ...blocklistHandlers,
  ...groupHandlers,
  ...groupSettingHandlers,
  ...groupQueryHandlers,
  ...roomHandlers,
  ...peerMessageHandlers,
  ...groupMessageHandlers,
  ...roomMessageHandlers,
  ...conversationHandlers,
  ...callHandlers,
};

/** Unregistered user: the code of an operator (FromUserId) who never registered. */
const UNREGISTERED = 660500002;

/**
 * Performs `action` and says what to answer. Where the action's page lists 660500002, a
 * FromUserId that was never registered is refused with it first. An action without a
 * handler (one added through `limits`) answers Code 0 and changes nothing.
 */
export function runHandler(action: string, ctx: HandlerContext): HandlerResult {
  const handler = Object.hasOwn(HANDLERS, action) ? HANDLERS[action] : undefined;
  if (handler === undefined) return ok();
  const from = ctx.params['FromUserId'];
  if (ctx.codes.has(UNREGISTERED) && typeof from === 'string' && !ctx.state.users.has(from))
    return refuse(UNREGISTERED, `FromUserId ${from} is not registered`);
  return handler(ctx);
}
