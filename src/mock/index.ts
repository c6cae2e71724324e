export type { MockFaultKind } from './faults.js';
export type { MockScriptedAnswer, MockScriptedReply } from './MockScriptedAnswer.js';
export type { MockGroup, MockPeerMessage, MockStateView, MockUser } from './MockState.js';
export type { MockActionStats, MockFaultCounts, MockStats } from './MockStats.js';
export type { MockZimServer } from './MockZimServer.js';
export {
  MOCK_DEFAULTS,
  type MockActionLimit,
  type MockFaults,
  type MockLimitScope,
  type MockLimits,
  type MockZimServerOptions,
} from './MockZimServerOptions.js';
export { maxInAnyWindow } from './maxInAnyWindow.js';
export { SlidingWindow } from './SlidingWindow.js';
export { startMockZimServer } from './startMockZimServer.js';
