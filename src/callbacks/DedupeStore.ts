import type { BeforeSendVerdict } from './BeforeSendVerdict.js';

/** What a store knows of a key when a delivery claims it. */
export type DedupeClaim =
  /** Nobody has it: the caller handles the event, then calls `done` or `release` with this token. */
  | { readonly state: 'new'; readonly token: string }
  /** Another delivery is being handled right now (here or in another process). */
  | { readonly state: 'pending' }
  /** Handled already; for `before_send_msg`, with the verdict that was answered. */
  | { readonly state: 'done'; readonly verdict: BeforeSendVerdict | undefined };

/** Where the receiver remembers the events it handled: this process's memory, or Redis for a fleet. */
export interface DedupeStore {
  /** Claims `key` for `pendingTtlMs` (a crashed handler's claim runs out), unless it is taken. */
  claim(key: string, pendingTtlMs: number): Promise<DedupeClaim>;
  /** The event was handled: redeliveries within `ttlMs` are duplicates (and get `verdict`). */
  done(key: string, ttlMs: number, verdict?: BeforeSendVerdict): Promise<void>;
  /** The handler failed: the claim is dropped (if still ours), so a redelivery is handled. */
  release(key: string, token: string): Promise<void>;
  /** Frees timers and connections. */
  close(): Promise<void>;
}
