import { CLIENT_TTL_MS } from './liveClients.js';

/** After joining late (Redis never answered before), how long until every live client must be back too. */
const SETTLE_MS = 800;
/** The heartbeat while waiting for the others to come back. */
const SETTLING_HEARTBEAT_MS = 200;

/**
 * Whether every client of the fleet shares through Redis (`settled`), or some may still count
 * alone. Settled at a first answer (nobody went local yet); after a return, once as many clients
 * have heartbeated since as were live before the loss, or when their heartbeats would be stale
 * (`CLIENT_TTL_MS`; `SETTLE_MS` when Redis had never answered). Meanwhile it asks for a faster
 * heartbeat, to see the others come back soon after they do.
 */
export class FleetReturn {
  readonly #heartbeat: () => void;
  readonly #onSettled: () => void;
  #settled = false;
  #liveBeforeLoss: number | undefined;
  #stopWaiting: (() => void) | undefined;

  /** `heartbeat` runs every `SETTLING_HEARTBEAT_MS` while waiting; `onSettled` once settled after a return. */
  constructor(heartbeat: () => void, onSettled: () => void) {
    this.#heartbeat = heartbeat;
    this.#onSettled = onSettled;
  }

  get settled(): boolean {
    return this.#settled;
  }

  /** Redis answered for the first time: before anyone went local, so nothing to wait for. */
  joined(): void {
    this.#stopWaiting?.();
    this.#settled = true;
  }

  /** Redis is gone: `liveClients` (the last count), if everyone was back, are the ones to wait for. */
  lost(liveClients: number | undefined): void {
    this.#stopWaiting?.();
    if (this.#settled) this.#liveBeforeLoss = liveClients;
    this.#settled = false;
  }

  /** Redis is back: waits for the others (see the class). */
  returned(): void {
    this.#stopWaiting?.();
    this.#settled = false;
    const deadline = setTimeout(
      () => this.#settle(),
      this.#liveBeforeLoss === undefined ? SETTLE_MS : CLIENT_TTL_MS,
    );
    const fastHeartbeat = setInterval(this.#heartbeat, SETTLING_HEARTBEAT_MS);
    deadline.unref();
    fastHeartbeat.unref();
    this.#stopWaiting = () => {
      this.#stopWaiting = undefined;
      clearTimeout(deadline);
      clearInterval(fastHeartbeat);
    };
  }

  /** A heartbeat (while shared) counted `recent` clients back since the loss. */
  saw(recent: number | undefined): void {
    const before = this.#liveBeforeLoss;
    if (recent !== undefined && before !== undefined && recent >= before) this.#settle();
  }

  /** Clears its timers. */
  close(): void {
    this.#stopWaiting?.();
  }

  #settle(): void {
    this.#stopWaiting?.();
    if (this.#settled) return;
    this.#settled = true;
    this.#onSettled();
  }
}
