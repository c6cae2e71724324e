import type { Clock } from '../core/Clock.js';
import type { LimiterFactory } from '../limits/LimiterRegistry.js';
import { ClusterLimiter } from './ClusterLimiter.js';
import type { RedisCoordinator } from './RedisCoordinator.js';

/** Limiters shared through Redis. */
export function clusterLimiterFactory(coordinator: RedisCoordinator, clock: Clock): LimiterFactory {
  return (key, limit, onIdle, onAdapt) => new ClusterLimiter(key, limit, coordinator, clock, onIdle, onAdapt);
}
