export { ZIM_ACTIONS, type ZimAction } from '../generated/actions.js';
export { MOCK_ADMIN_PATHS } from './admin/MOCK_ADMIN_PATHS.js';
export type { MockJson, MockRecordsJson } from './admin/MockRecordsJson.js';
export { type MockAdmin, mockAdmin } from './admin/mockAdmin.js';
export type { MockCallbackAttempt, MockCallbackDelivery } from './callbacks/MockCallbackDelivery.js';
export type { MockClientMessage, MockClientSendResult } from './callbacks/MockClientMessage.js';
export { REDELIVERY_DELAYS_MS } from './callbacks/REDELIVERY_DELAYS_MS.js';
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
