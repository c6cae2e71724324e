import { ZIM_CODE_MEANINGS } from '../generated/zimApiSchemas.js';

/**
 * The ZIM return codes the mock server answers with. They are the real codes (see
 * spec/return-codes.tsv); the mock hardcodes them rather than importing the catalog,
 * so that it stays a plain stand-in for the server and never agrees with our client by
 * construction.
 */
export const MOCK_CODES = {
  /** 0: request successful. */
  success: 0,
  /** 1: request failed, the server is busy. */
  busy: 1,
  /** 2: incorrect input parameter (the mock: a body that is not a JSON object). */
  badInput: 2,
  /** 7: requests per second exceed the app-wide API rate limit (`appLimitPerSecond`). */
  appRateLimited: 7,
  /** 50014: the UserName is longer than 64 bytes (per-item SubCode of UserRegister). */
  userNameTooLong: 50014,
  /** 51102: the user does not exist (per-item SubCode of QueryUserInfos). */
  userNotFound: 51102,
  /** 100000001: invalid AppId format (also: an AppId that is not this app). */
  badAppId: 100000001,
  /** 100000002: Timestamp is missing. */
  timestampMissing: 100000002,
  /** 100000003: Timestamp is not an integer. */
  timestampInvalid: 100000003,
  /** 100000004: signature expired (Timestamp more than 10 minutes off the server clock). */
  signatureExpired: 100000004,
  /** 100000005: invalid signature. */
  signatureInvalid: 100000005,
  /** 100000006: Action is missing. */
  actionMissing: 100000006,
  /** 100000007: unsupported Action. */
  actionUnsupported: 100000007,
  /** 100000008: SignatureNonce is missing. */
  nonceMissing: 100000008,
  /** 100000009: Signature is missing. */
  signatureMissing: 100000009,
  /** 100000014: unsupported SignatureVersion. */
  signatureVersionUnsupported: 100000014,
  /** 100000015: API gateway internal error. */
  gatewayError: 100000015,
  /** 660000002: a business parameter is missing or invalid. */
  invalidParameter: 660000002,
  /** 660000011: the input user list is too large. */
  tooManyUsers: 660000011,
  /** 660000012: a UserId is longer than 32 bytes. */
  userIdTooLong: 660000012,
  /** 660300005: call frequency exceeds the AppID-level limit. */
  appLevelRateLimited: 660300005,
  /** 660300006: call frequency exceeds the group- or room-level limit. */
  groupOrRoomRateLimited: 660300006,
  /** 660500003: SendMessageToAllUsers exceeds 1 call/s or 100 calls per 24 h. */
  sendToAllRateLimited: 660500003,
  /** 660600001: the group does not exist. */
  groupNotFound: 660600001,
  /** 660600004: QueryGroupMemberList exceeds its limit. */
  queryGroupMemberListRateLimited: 660600004,
  /** 660600005: KickoutGroupUser exceeds its limit. */
  kickoutGroupUserRateLimited: 660600005,
  /** 660600007: QueryAppGroupList exceeds its limit. */
  queryAppGroupListRateLimited: 660600007,
  /** 660600008: the user to be removed is not in the group (per-item SubCode). */
  userNotInGroup: 660600008,
  /** 660600010: CreateGroup exceeds its limit. */
  createGroupRateLimited: 660600010,
  /** 660600011: the group already exists. */
  groupExists: 660600011,
  /** 660600016: more than 100 members when creating a group. */
  tooManyGroupMembers: 660600016,
  /** 660700001: UserRegister exceeds its limit. */
  userRegisterRateLimited: 660700001,
  /** 660700007: a UserAvatar address is longer than 500 bytes (per-item SubCode). */
  userAvatarTooLong: 660700007,
} as const;

const MESSAGES: Readonly<Record<number, string>> = {
  0: 'success',
  1: 'Request failed. Server is busy.',
  2: 'Incorrect input parameter.',
  7: 'The number of requests per second has exceeded the API rate limit.',
  50014: 'The length of the UserName exceeds the limit.',
  51102: 'The user does not exist.',
  100000001: 'Invalid AppId format.',
  100000002: 'Timestamp is null.',
  100000003: 'Invalid Timestamp format.',
  100000004: 'Signature expired.',
  100000005: 'Invalid signature.',
  100000006: 'Action is null.',
  100000007: 'Unsupported Action.',
  100000008: 'SignatureNonce is null.',
  100000009: 'Signature is null.',
  100000014: 'Unsupported SignatureVersion.',
  100000015: 'API gateway internal error.',
  660000002: 'Invalid parameter.',
  660000011: 'The number of users has exceeded the upper limit.',
  660000012: 'UserID length exceeds the limit.',
  660300005: 'API call frequency exceeds the AppID-level limit.',
  660300006: 'API call frequency exceeds the group/room-level limit.',
  660500003: 'The frequency of calling the SendMessageToAllUsers interface exceeds the limit.',
  660600001: 'The group does not exist.',
  660600004: 'The frequency of calling the QueryGroupMemberList interface exceeds the limit.',
  660600005: 'The frequency of calling the KickoutGroupUser interface exceeds the limit.',
  660600007: 'The frequency of calling the QueryAppGroupList interface exceeds the limit.',
  660600008: 'The user to be removed is not in the group.',
  660600010: 'The frequency of calling the CreateGroup interface exceeds the limit.',
  660600011: 'The group already exists.',
  660600016: 'The number of group members exceeds the limit.',
  660700001: 'The frequency of calling the UserRegister interface exceeds the limit.',
  660700007: 'The length of UserAvatar address exceeds the limit.',
};

/** The documented meaning of a code the mock answers with (or a generic text for others). */
export function messageFor(code: number): string {
  return MESSAGES[code] ?? ZIM_CODE_MEANINGS[String(code)] ?? (code === 0 ? 'success' : `Error ${code}.`);
}
