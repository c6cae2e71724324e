import type { CallOptions } from '../api/CallOptions.js';
import type { ZimBody } from '../core/Outcome.js';

/** The client's public `call`, as the jobs use it: every page and every chunk goes through it (throttle, retries, signing). */
export type JobCall = (
  action: string,
  params: Readonly<Record<string, unknown>>,
  options?: CallOptions,
) => Promise<ZimBody>;
