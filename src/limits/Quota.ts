/** One call taken from a quota: `giveBack()` returns it when the call was never sent. */
export interface QuotaTicket {
  giveBack(): void;
}

/** What taking one call from a quota gives: a ticket, or the milliseconds until one fits. */
export type QuotaTake = { readonly ticket: QuotaTicket } | { readonly retryAfterMs: number };

/**
 * A daily quota (calls allowed in any sliding 24 hours): in process, or shared by the fleet
 * through Redis. A call takes from it once, when it is admitted, before any wait for a slot.
 */
export interface Quota {
  readonly limit: number;
  /** Takes one call, now or after one round trip to Redis. */
  take(): QuotaTake | Promise<QuotaTake>;
  /**
   * The server refused a call for its quota although we kept to ours: it is spent elsewhere.
   * Nothing more is taken for `ms` (then one call finds out whether it is still spent).
   */
  spent(ms: number): void;
}
