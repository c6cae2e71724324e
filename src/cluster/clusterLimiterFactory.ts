import type { Clock } from '../core/Clock.js';
import type { LimiterFactory } from '../limits/LimiterRegistry.js';
import { ClusterLimiter } from './ClusterLimiter.js';
import type { RedisCoordinator } from './RedisCoordinator.js';

/** Limiters shared through Redis. `holdLimitMs` bounds how long a slot can stay taken if an answer never comes. */
export function clusterLimiterFactory(
  coordinator: RedisCoordinator,
  clock: Clock,
  holdLimitMs: number,
): LimiterFactory {
  return (key, limit, onIdle) => new ClusterLimiter(key, limit, coordinator, clock, holdLimitMs, onIdle);
}
