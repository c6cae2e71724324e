export { ZIM_ACTIONS, type ZimAction } from '../generated/actions.js';
export { EXCLUSIVE_FAULT_KINDS, type ExclusiveFaultKind, type MockFaultKind } from './faults.js';
export type {
  MockCall,
  MockConversation,
  MockFriend,
  MockFriendApplication,
  MockGroup,
  MockGroupMember,
  MockMessage,
  MockPeerMessage,
  MockRoom,
  MockRoomAttribute,
  MockUser,
} from './MockRecords.js';
export type { MockScriptedAnswer, MockScriptedReply } from './MockScriptedAnswer.js';
export type { MockBroadcast, MockStateView } from './MockState.js';
export type { MockActionStats, MockFaultCounts, MockStats } from './MockStats.js';
export type { MockZimServer } from './MockZimServer.js';
export {
  MOCK_DEFAULTS,
  type MockActionLimit,
  type MockFaults,
  type MockLimitScope,
  type MockLimits,
  type MockZimServerOptions,
  type ResolvedMockFaults,
  type ResolvedMockOptions,
} from './MockZimServerOptions.js';
export { maxInAnyWindow } from './maxInAnyWindow.js';
export { SlidingWindow } from './SlidingWindow.js';
export { startMockZimServer } from './startMockZimServer.js';
