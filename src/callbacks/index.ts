export type { RedisClientLike } from '../cluster/RedisOption.js';
export type * from '../generated/callbackSpec.js';
export { CALLBACK_SPECS, ZEGO_RETRY_DELAYS_S, ZEGO_VERDICT_WITHIN_MS } from '../generated/callbackSpec.js';
export {
  type CallbackSignatureInput,
  callbackTimestampMs,
  computeCallbackSignature,
  verifyCallbackSignature,
} from '../sign/verifyCallbackSignature.js';
export type { BeforeSendAnswer, BeforeSendVerdict } from './BeforeSendVerdict.js';
export type * from './CallbackHooks.js';
export {
  type AnyCallbackEvent,
  CALLBACK_DEFAULTS,
  type CallbackContext,
  type CallbackHandlers,
  type CallbackReceiverOptions,
} from './CallbackReceiverOptions.js';
export type { CallbackRedisOption, CallbackRedisOptions } from './CallbackRedisOption.js';
export type { CallbackRequest, CallbackResponse } from './CallbackResponse.js';
export { type CallbackReceiver, createCallbackReceiver } from './createCallbackReceiver.js';
export { dedupeKeyOf } from './dedupeKeyOf.js';
export { type CallbackFields, parseCallbackBody } from './parseCallbackBody.js';
