import type { Recorder } from './recorder.js';
import type { WorkloadState } from './workload.js';

/** Short names for the live rate, so the line fits a terminal. */
const SHORT: Readonly<Record<string, string>> = {
  UserRegister: 'register',
  CreateGroup: 'create',
  InviteUsersIntoGroup: 'invite',
  QueryGroupMemberList: 'members',
  SendPeerMessage: 'send',
  QueryUserInfos: 'userinfo',
  QueryAppGroupList: 'grouplist',
};

/**
 * Shows how the run is going: on a terminal, one line rewritten in place (`\r`) five times a
 * second; otherwise (piped, CI) a plain line every second.
 */
export class Progress {
  readonly #rec: Recorder;
  readonly #state: WorkloadState;
  readonly #out: NodeJS.WriteStream;
  readonly #tty: boolean;
  readonly #started = performance.now();
  #timer: NodeJS.Timeout | undefined;

  constructor(rec: Recorder, state: WorkloadState, out: NodeJS.WriteStream = process.stdout) {
    this.#rec = rec;
    this.#state = state;
    this.#out = out;
    this.#tty = out.isTTY === true;
  }

  start(): void {
    this.#timer = setInterval(() => this.#print(), this.#tty ? 200 : 1000);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#print();
    if (this.#tty) this.#out.write('\n');
  }

  /** The progress line, without any control character. */
  line(): string {
    const now = performance.now();
    const t = this.#rec.totals();
    const inFlight = t.started - t.succeeded - t.failed;
    const rates = new Map<string, number>();
    for (const a of this.#rec.recentAttempts) {
      if (now - a.at <= 1000) rates.set(a.action, (rates.get(a.action) ?? 0) + 1);
    }
    const live = [...rates].map(([action, n]) => `${SHORT[action] ?? action} ${n}`).join(' ');
    return [
      `${((now - this.#started) / 1000).toFixed(1).padStart(5)} s`,
      this.#state.phase.padEnd(25),
      `calls ${t.succeeded + t.failed}/${t.started} done`,
      `${inFlight} waiting`,
      `${t.failed} failed`,
      `retries ${t.retries}`,
      `re-signs ${this.#rec.resigns}`,
      `rate-limited ${t.rateLimited}`,
      `attempts/s: ${live || '-'}`,
    ].join(' | ');
  }

  #print(): void {
    const line = this.line();
    if (!this.#tty) {
      this.#out.write(`${line}\n`);
      return;
    }
    const width = this.#out.columns ?? 120;
    this.#out.write(`\r\x1b[K${line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line}`);
  }
}
