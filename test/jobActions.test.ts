import { describe, expect, it } from 'vitest';
import { BATCH_ACTIONS, PAGED_ACTIONS } from '../src/index.js';

describe('job descriptors from spec/zim-api.json', () => {
  it('finds the 11 paged actions with the end conditions the pages give', () => {
    expect(Object.keys(PAGED_ACTIONS)).toHaveLength(11);
    expect(PAGED_ACTIONS.QueryGroupsInfoOfUser).toMatchObject({
      cursor: 'Next',
      nextCursor: 'NextRsp',
      cursorType: 'string',
    });
    expect(PAGED_ACTIONS.FetchForbidGroupList).toMatchObject({
      cursor: 'StartFlag',
      nextCursor: 'NextFlag',
      endFlag: 'FetchEnd',
    });
    expect(PAGED_ACTIONS.QueryRoomUserList).toMatchObject({
      cursor: 'NextFlag',
      cursorType: 'string',
      maxLimit: 500,
    });
    expect(PAGED_ACTIONS.QueryGroupMemberList).toMatchObject({ items: 'MemberList', maxLimit: 1000 });
  });
  it('finds the 27 batch actions with their lists, maxima, keys and per-item lists', () => {
    expect(Object.keys(BATCH_ACTIONS)).toHaveLength(27);
    expect(BATCH_ACTIONS.UserRegister).toMatchObject({
      list: ['UserInfo'],
      maxItems: 100,
      key: 'UserId',
      failures: ['ErrorList'],
    });
    expect(BATCH_ACTIONS.AddUsersToBlacklist.failures).toEqual(['ErrList']);
    expect(BATCH_ACTIONS.CheckFriendsRelation).toMatchObject({
      failures: ['Fails'],
      successes: ['Successes'],
    });
    expect(BATCH_ACTIONS.CheckUsersIsInBlacklist).toMatchObject({
      failures: ['ErrList'],
      successes: ['Succ'],
    });
    expect(BATCH_ACTIONS.SetConvMark.failures).toEqual(['FailList']);
    expect(BATCH_ACTIONS.SendPeerMessage).toMatchObject({
      maxItems: 100,
      successes: ['SuccList', 'AuditInfos'],
    });
    expect(BATCH_ACTIONS.SilenceConvNotification.key).toBe('ConvId');
    expect(BATCH_ACTIONS.InviteUsersIntoGroup).toMatchObject({
      list: ['GroupMemberInfos', 'UserIds'],
      maxItems: 100,
    });
    expect(BATCH_ACTIONS.SetGroupMembersNickname.maxItems).toBe(20);
    expect(BATCH_ACTIONS.CreateGroup.split).toBe(false);
    expect(BATCH_ACTIONS.QueryRoomMembers.maxItems).toBe(10);
  });
});
