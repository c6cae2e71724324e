import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MockActionStats, MockFaults, MockZimServerOptions } from '../src/mock/index.js';
import type { MockRequest, MockResponse } from './MockMessages.js';

/** Where a client finds one mock server, and the credentials it accepts. */
export interface Target {
  readonly url: string;
  readonly appId: number;
  readonly serverSecret: string;
}

/** A mock server running in the mock process. */
export interface RemoteMock extends Target {
  stats(action: string): Promise<MockActionStats>;
  resetStats(): Promise<void>;
  setFaults(faults: MockFaults): Promise<void>;
  close(): Promise<void>;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Op = MockRequest extends infer R ? (R extends MockRequest ? Omit<R, 'seq'> : never) : never;

/**
 * A child process (node + tsx) that hosts mock servers: the client under test gets this
 * process's CPU to itself, as it would against a real server.
 */
export class MockProcess {
  readonly #child: ChildProcess;
  readonly #pending = new Map<number, Pending>();
  #seq = 0;

  constructor() {
    this.#child = fork(fileURLToPath(new URL('./mockServerMain.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#child.on('message', (m: MockResponse) => {
      const p = this.#pending.get(m.seq);
      this.#pending.delete(m.seq);
      if (m.ok) p?.resolve(m.result);
      else p?.reject(new Error(m.error));
    });
  }

  #ask<T>(op: Op): Promise<T> {
    const seq = ++this.#seq;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      this.#child.send({ ...op, seq });
    });
  }

  /** Starts a mock server in the child. */
  async start(options: MockZimServerOptions): Promise<RemoteMock> {
    const info = await this.#ask<Target & { id: number }>({ op: 'start', options });
    const { id } = info;
    return {
      url: info.url,
      appId: info.appId,
      serverSecret: info.serverSecret,
      stats: (action) => this.#ask({ op: 'stats', id, action }),
      resetStats: () => this.#ask({ op: 'resetStats', id }),
      setFaults: (faults) => this.#ask({ op: 'setFaults', id, faults }),
      close: () => this.#ask({ op: 'close', id }),
    };
  }

  /** Ends the child. */
  stop(): void {
    this.#child.disconnect();
  }
}
