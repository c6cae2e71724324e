import { clusterLimiterFactory } from '../cluster/clusterLimiterFactory.js';
import { RedisCoordinator } from '../cluster/RedisCoordinator.js';
import { SharedDailyQuota } from '../cluster/SharedDailyQuota.js';
import type { EventSink } from '../events/EventSink.js';
import {
  type AdaptListener,
  LimiterRegistry,
  localLimiterFactory,
  localQuotaFactory,
  type QuotaFactory,
} from '../limits/LimiterRegistry.js';
import type { ResolvedOptions } from '../options/resolveOptions.js';

/**
 * The limiters of one client: in process, or shared through Redis when the `redis` option is set.
 * @internal
 */
export function limitersFor(
  options: ResolvedOptions,
  events: EventSink,
): { limiters: LimiterRegistry; coordinator?: RedisCoordinator } {
  const { clock } = options;
  const onAdapt: AdaptListener = (action, scopeKey, perSecond, why) => {
    if (events.wants('limitAdapted')) events.emit('limitAdapted', { action, scopeKey, perSecond, why });
  };
  if (!options.redis)
    return { limiters: new LimiterRegistry(localLimiterFactory(clock), localQuotaFactory(clock), onAdapt) };
  if (options.appId === undefined)
    throw new TypeError('expected appId with redis: shared limits are keyed by AppId');
  const coordinator = new RedisCoordinator(options.redis, options.appId, events);
  const quotas: QuotaFactory = (action, limit) => new SharedDailyQuota(action, limit, coordinator, clock);
  return {
    limiters: new LimiterRegistry(clusterLimiterFactory(coordinator, clock), quotas, onAdapt),
    coordinator,
  };
}
