export { ZIM_CODES } from '../generated/zimCodes.js';
export type { Category } from './Category.js';
export { CATEGORIES } from './Category.js';
export type { CodeCatalog } from './CodeCatalog.js';
export { classifyCode, codeInfo } from './classifyCode.js';
export { classifyHttpStatus } from './classifyHttpStatus.js';
export type { TransportErrorInfo, TransportPhase } from './classifyTransportError.js';
export {
  AFTER_WRITE_CODES,
  BEFORE_WRITE_CODES,
  classifyTransportError,
  TLS_CERT_CODES,
} from './classifyTransportError.js';
export type { CodeOverride } from './createCodeCatalog.js';
export { createCodeCatalog, ZIM_CODE_CATALOG } from './createCodeCatalog.js';
export type { TransportFailure, TransportFailureKind } from './describeTransportError.js';
export { describeTransportError } from './describeTransportError.js';
export { isAbortError } from './isAbortError.js';
export type { ZimCodeInfo } from './ZimCodeInfo.js';
