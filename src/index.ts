export type { CallOptions } from './api/CallOptions.js';
export type { HasRequired, RequiredKeys, ZimAnswer, ZimCallArgs, ZimParams } from './api/ZimCall.js';
export type { ZimRequestOptions } from './api/ZimRequestOptions.js';
export type { ZimClient, ZimClientOptions } from './client/createZimClient.js';
export { createZimClient } from './client/createZimClient.js';
export type { RedisClientLike, RedisClusterOptions, RedisOption } from './cluster/RedisOption.js';
export type { Category } from './codes/Category.js';
export { CATEGORIES } from './codes/Category.js';
export type { CodeCatalog } from './codes/CodeCatalog.js';
export { classifyCode, codeInfo } from './codes/classifyCode.js';
export { classifyHttpStatus } from './codes/classifyHttpStatus.js';
export {
  classifyTransportError,
  TLS_CERT_CODES,
  type TransportErrorInfo,
  type TransportPhase,
} from './codes/classifyTransportError.js';
export { type CodeOverride, createCodeCatalog, ZIM_CODE_CATALOG } from './codes/createCodeCatalog.js';
export {
  describeTransportError,
  type TransportFailure,
  type TransportFailureKind,
} from './codes/describeTransportError.js';
export type { ZimCodeInfo } from './codes/ZimCodeInfo.js';
export type { ZimCall } from './core/Call.js';
export type { Clock } from './core/Clock.js';
export type { GiveUpReason } from './core/GiveUpReason.js';
export type { Interceptor } from './core/Interceptor.js';
export type { Outcome, ZimBody } from './core/Outcome.js';
export { ZimAbortedError } from './errors/ZimAbortedError.js';
export { isZimApiError, ZimApiError } from './errors/ZimApiError.js';
export { ZimClosedError } from './errors/ZimClosedError.js';
export { isZimError, ZimError } from './errors/ZimError.js';
export { ZimHttpError } from './errors/ZimHttpError.js';
export { ZimOverloadError } from './errors/ZimOverloadError.js';
export { ZimQuotaError } from './errors/ZimQuotaError.js';
export { ZimTransportError } from './errors/ZimTransportError.js';
export type * from './events/ZimEvents.js';
export { type ResilientFetch, resilientFetch } from './fetch/resilientFetch.js';
export { ZIM_ACTIONS, type ZimAction } from './generated/actions.js';
export {
  BATCH_ACTIONS,
  type BatchAction,
  PAGED_ACTIONS,
  type PagedAction,
} from './generated/jobActions.js';
export type * from './generated/ZimApi.js';
export { ZIM_CODES } from './generated/zimCodes.js';
export type {
  Batch,
  BatchFailure,
  BatchItem,
  BatchOptions,
  BatchProgress,
  BatchResult,
} from './jobs/Batch.js';
export type { BatchSpec } from './jobs/BatchSpec.js';
export type { CheckpointOptions } from './jobs/checkpoint/CheckpointOptions.js';
export { type CheckpointErrorReason, ZimCheckpointError } from './jobs/checkpoint/ZimCheckpointError.js';
export type { PagedSpec } from './jobs/PagedSpec.js';
export type {
  PageCursors,
  PageItem,
  PageItemsField,
  Paginate,
  PaginateArgs,
  PaginateOptions,
  PaginateParams,
} from './jobs/Paginate.js';
export { ZimCursorError } from './jobs/ZimCursorError.js';
export type { ActionSpec } from './limits/ActionSpec.js';
export type { LimitSpec, LimitsOption } from './limits/LimitSpec.js';
export { JOB_PRIORITY, LOW_PRIORITY_SHARE } from './limits/priorities.js';
export { DEFAULTS } from './options/defaults.js';
export { ZIM_REGIONS, type ZimRegion } from './options/regions.js';
export type {
  DefaultInterceptors,
  IdempotentOption,
  RetryOptions,
  ZimResilienceOptions,
} from './options/ZimResilienceOptions.js';
export type { PlacedInterceptor } from './remedies/PlacedInterceptor.js';
export type { Remedy } from './remedies/Remedy.js';
export type { StepName } from './remedies/StepName.js';
export { computeSignature, type SignedParams, type SignInput, signRequest } from './sign/signRequest.js';
export {
  type CallbackSignatureInput,
  computeCallbackSignature,
  verifyCallbackSignature,
} from './sign/verifyCallbackSignature.js';
export type { MeterProviderLike, TelemetryOption, TracerProviderLike } from './telemetry/TelemetryOption.js';
export { type AnyDispatch, type ZimInterceptor, zimInterceptor } from './undici/zimInterceptor.js';
