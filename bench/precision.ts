import { maxInAnyWindow } from '../src/mock/index.js';
import { achievedRate } from './achievedRate.js';
import { type Figure, figure } from './Figure.js';
import type { MockProcess, RemoteMock } from './MockProcess.js';
import { pkg } from './pkg.js';
import { handMade } from './stacks/handMade.js';

/** Settings of the limiter-precision section. */
export interface PrecisionSettings {
  /** Concurrent callers of UserRegister (20/s) through our client. */
  readonly callers: number;
  /** Concurrent callers of QueryAppGroupList (1/s), at the same time, through the same client. */
  readonly slowCallers: number;
  /** Concurrent callers of each hand-made stack (each against its own server). */
  readonly handMadeCallers: number;
}

/** What the server counted for one action. */
export interface PrecisionCount {
  readonly calls: number;
  readonly failed: number;
  readonly arrivals: number;
  readonly rejected: number;
  /** Arrivals in any sliding second, rejected ones included: what the client sent. */
  readonly maxArrivalsInAnySecond: number;
  /** Admitted arrivals in any sliding second, as the mock counts them (rejected ones excluded). */
  readonly maxAdmittedInAnySecond: number;
  readonly achievedPerSecond: number;
  readonly seconds: number;
}

const SECTION = '3. limiter precision';

async function count(
  server: RemoteMock,
  action: string,
  perSecond: number,
  results: PromiseSettledResult<unknown>[],
  startedAt: number,
): Promise<PrecisionCount> {
  const stats = await server.stats(action);
  return {
    calls: results.length,
    failed: results.filter((r) => r.status === 'rejected').length,
    arrivals: stats.arrivals,
    rejected: stats.rejected,
    maxArrivalsInAnySecond: maxInAnyWindow(stats.timestamps, 1000),
    maxAdmittedInAnySecond: stats.maxInAnySecond,
    achievedPerSecond: achievedRate(stats.timestamps, perSecond),
    seconds: ((stats.timestamps.at(-1) ?? startedAt) - startedAt) / 1000,
  };
}

function figuresOf(label: string, perSecond: number, c: PrecisionCount, targeted: boolean): Figure[] {
  const detail = `${c.calls} calls, ${c.failed} failed, ${c.arrivals} arrivals in ${c.seconds.toFixed(1)} s`;
  const t = <T>(target: T) => (targeted ? target : undefined);
  return [
    figure(SECTION, `${label}: server rejections`, c.rejected, 'count', t({ op: '<=', value: 0 }), detail),
    figure(
      SECTION,
      `${label}: max arrivals in any sliding second (limit ${perSecond})`,
      c.maxArrivalsInAnySecond,
      'count',
      t({ op: '<=', value: perSecond }),
      `${c.maxAdmittedInAnySecond} admitted`,
    ),
    figure(
      SECTION,
      `${label}: achieved rate / limit`,
      c.achievedPerSecond / perSecond,
      'x',
      t({ op: '>=', value: 0.95 }),
      `${c.achievedPerSecond.toFixed(2)}/s of ${perSecond}/s`,
    ),
  ];
}

/**
 * Limiter precision, once: `callers` concurrent UserRegister calls (20/s) and `slowCallers`
 * QueryAppGroupList calls (1/s) through one client, with the mock counting arrivals in exact
 * sliding seconds. Side by side, on servers of their own, the hand-made p-retry + Bottleneck
 * stack with the obvious settings (a reservoir of 20 refreshed every second; minTime 50 ms).
 */
export async function precision(
  mocks: MockProcess,
  settings: PrecisionSettings,
): Promise<{ figures: Figure[]; raw: Record<string, PrecisionCount> }> {
  const ours = await mocks.start({});
  const reservoirServer = await mocks.start({});
  const minTimeServer = await mocks.start({});
  const client = pkg.createZimClient({
    appId: ours.appId,
    serverSecret: ours.serverSecret,
    baseUrl: ours.url,
  });
  const reservoir = handMade(
    { reservoir: 20, reservoirRefreshAmount: 20, reservoirRefreshInterval: 1000 },
    'reservoir 20 / 1000 ms',
  )({ target: reservoirServer, action: 'UserRegister' });
  const minTime = handMade(
    { minTime: 50 },
    'minTime 50 ms',
  )({ target: minTimeServer, action: 'UserRegister' });

  const startedAt = Date.now();
  const register = (prefix: string, i: number) => ({
    UserInfo: [{ UserId: `${prefix}${i}`, UserName: 'P' }],
  });
  const fast = Array.from({ length: settings.callers }, (_, i) =>
    client.call('UserRegister', register('p', i)),
  );
  const slow = Array.from({ length: settings.slowCallers }, () => client.call('QueryAppGroupList', {}));
  const byReservoir = Array.from({ length: settings.handMadeCallers }, (_, i) =>
    reservoir.call(register('r', i)),
  );
  const byMinTime = Array.from({ length: settings.handMadeCallers }, (_, i) =>
    minTime.call(register('m', i)),
  );
  const [f, s, r, m] = await Promise.all(
    [fast, slow, byReservoir, byMinTime].map((ps) => Promise.allSettled(ps)),
  );

  const raw: Record<string, PrecisionCount> = {
    'client UserRegister': await count(ours, 'UserRegister', 20, f!, startedAt),
    'client QueryAppGroupList': await count(ours, 'QueryAppGroupList', 1, s!, startedAt),
    [reservoir.name]: await count(reservoirServer, 'UserRegister', 20, r!, startedAt),
    [minTime.name]: await count(minTimeServer, 'UserRegister', 20, m!, startedAt),
  };
  await client.close();
  await reservoir.close();
  await minTime.close();
  for (const server of [ours, reservoirServer, minTimeServer]) await server.close();

  return {
    figures: [
      ...figuresOf(
        `client, ${settings.callers} callers on UserRegister`,
        20,
        raw['client UserRegister']!,
        true,
      ),
      ...figuresOf(
        `client, ${settings.slowCallers} callers on QueryAppGroupList`,
        1,
        raw['client QueryAppGroupList']!,
        true,
      ),
      ...figuresOf(`${reservoir.name}, ${settings.handMadeCallers} callers`, 20, raw[reservoir.name]!, false),
      ...figuresOf(`${minTime.name}, ${settings.handMadeCallers} callers`, 20, raw[minTime.name]!, false),
    ],
    raw,
  };
}
