import type { SlotWaiter } from './Limiter.js';

/**
 * The waiters of one priority of an in-process limiter: requeued ones (retries and requeues)
 * first come first served, then new ones in order (the slots before `head` are emptied; those
 * cancelled are skipped when reached). `live` and `units` count the waiters still waiting.
 */
export class WaitLane {
  urgent: SlotWaiter[] = [];
  queue: (SlotWaiter | undefined)[] = [];
  head = 0;
  live = 0;
  units = 0;
  constructor(readonly priority: number) {}
}
