import { isZimApiError, type ZimClient } from 'zim-resilience';
import { seededRandom } from '../src/mock/seededRandom.js';
import type { DemoOptions } from './args.js';
import type { Recorder } from './recorder.js';

/** ZIM's "the group already exists": a CreateGroup sent again after a lost answer was committed the first time. */
const GROUP_EXISTS = 660600011;

/** Runs `task` over `items` with at most `concurrency` in flight, as a service with a worker pool would. */
async function pool<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** What the workload is doing now, for the progress line. */
export interface WorkloadState {
  phase: string;
}

/**
 * A day in the life of a chat backend, compressed: register every user in batches, then at
 * once create groups and invite people into them, send one-to-one messages, look users up and
 * poll the group list. Every call goes through `zim` and is counted by `rec`; none throws.
 */
export async function runWorkload(
  zim: ZimClient,
  o: DemoOptions,
  rec: Recorder,
  state: WorkloadState,
): Promise<void> {
  const random = seededRandom(o.seed);
  const userId = (i: number) => `user${i}`;
  /** Now and then a name too long for ZIM (256 bytes): the batch succeeds, the item comes back in ErrorList. */
  const tooLong = (i: number) => i % 997 === 500;
  /** A registered user: the mock refuses calls from users that never registered (660500002). */
  const anyUser = () => {
    let i: number;
    do i = Math.floor(random() * o.users);
    while (tooLong(i) && o.users > 1);
    return userId(i);
  };

  state.phase = 'registering users';
  const users = range(o.users).map((i) => ({
    UserId: userId(i),
    UserName: tooLong(i) ? `User ${i} ${'€'.repeat(90)}` : `User ${i}`,
  }));
  const batches = range(Math.ceil(o.users / o.batchSize)).map((b) =>
    users.slice(b * o.batchSize, (b + 1) * o.batchSize),
  );
  await pool(batches, o.concurrency, async (UserInfo) => {
    const body = await rec.track('UserRegister', `${UserInfo[0]?.UserId}..${UserInfo.at(-1)?.UserId}`, () =>
      zim.call('UserRegister', { UserInfo }),
    );
    rec.countItemErrors(body);
  });

  state.phase = 'groups, messages, queries';
  const groups = range(o.groups).map(async (g) => {
    const GroupId = `team${g}`;
    const owner = userId(g);
    const create = {
      GroupOwner: owner,
      GroupId,
      GroupName: `Team ${g}`,
      UserId: range(10).map(() => anyUser()),
    };
    let created = await rec.track('CreateGroup', GroupId, () => zim.call('CreateGroup', create));
    const lost = rec.failures.find((f) => f.action === 'CreateGroup' && f.label === GroupId);
    if (!created && lost?.mayHaveCommitted) {
      // The answer was lost after the request was written: send it again; "already exists" means it was done.
      created = await rec.track('CreateGroup', `${GroupId} (sent again)`, () =>
        zim.call('CreateGroup', create).catch((error: unknown) => {
          if (isZimApiError(error) && error.code === GROUP_EXISTS) {
            lost.note = 'sent again: "group exists", so the first one was committed';
            return { Code: 0 } as const;
          }
          throw error;
        }),
      );
    }
    if (!created) return;
    await Promise.all(
      range(o.invitesPerGroup).map((k) =>
        rec.track('InviteUsersIntoGroup', `${GroupId} invite ${k}`, () =>
          zim.call('InviteUsersIntoGroup', {
            GroupId,
            FromUserId: owner,
            UserIds: [],
            GroupMemberInfos: [{ UserId: anyUser() }, { UserId: anyUser() }],
          }),
        ),
      ),
    );
    await pool(range(o.memberQueriesPerGroup), 2, () =>
      rec.track('QueryGroupMemberList', GroupId, () =>
        zim.call('QueryGroupMemberList', { GroupId, Limit: 100 }),
      ),
    );
  });

  const messages = pool(range(o.messages), o.concurrency, (i) => {
    const from = anyUser();
    const to = anyUser();
    return rec.track('SendPeerMessage', `message #${i} from ${from} to ${to}`, () =>
      zim.call('SendPeerMessage', {
        FromUserId: from,
        ToUserId: [to],
        MessageType: 1,
        Priority: 1,
        MessageBody: { Message: `hello #${i}` },
      }),
    );
  });

  const lookups = pool(range(o.userInfoQueries), o.concurrency, async (i) => {
    const body = await rec.track('QueryUserInfos', `lookup ${i}`, () =>
      zim.call('QueryUserInfos', { UserIds: range(10).map(() => anyUser()) }),
    );
    rec.countItemErrors(body);
  });

  // A poller: one call at a time, as fast as the 1/s limit lets it.
  const polls = (async () => {
    for (const i of range(o.groupListPolls)) {
      await rec.track('QueryAppGroupList', `poll ${i}`, () => zim.call('QueryAppGroupList', {}));
    }
  })();

  await Promise.all([...groups, messages, lookups, polls]);
  state.phase = 'done';
}
