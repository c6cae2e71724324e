import type { ZimClient } from 'zim-resilience';

/** A user of your app, as your code knows it. */
export interface AppUser {
  readonly id: string;
  readonly name: string;
}

/** A user ZIM refused, and why (ZIM's SubCode: 660700006 is a name over 256 bytes). */
export interface RefusedUser {
  readonly UserId: string;
  readonly SubCode: number;
}

/**
 * Your own code under test: registers users with ZIM, 100 per call (its maximum), all calls at
 * once (the client keeps them under the limit), and returns the users ZIM refused.
 */
export async function registerUsers(zim: ZimClient, users: readonly AppUser[]): Promise<RefusedUser[]> {
  const batches: AppUser[][] = [];
  for (let i = 0; i < users.length; i += 100) batches.push(users.slice(i, i + 100));
  const answers = await Promise.all(
    batches.map((batch) =>
      zim.call('UserRegister', {
        UserInfo: batch.map((u) => ({ UserId: u.id, UserName: u.name })),
      }),
    ),
  );
  return answers
    .flatMap((a) => a.ErrorList ?? [])
    .map(({ UserId = '', SubCode = 0 }) => ({ UserId, SubCode }));
}
