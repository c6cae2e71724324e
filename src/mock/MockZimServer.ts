import type { MockScriptedAnswer } from './MockScriptedAnswer.js';
import type { MockStateView } from './MockState.js';
import type { MockStats } from './MockStats.js';
import type { MockFaults } from './MockZimServerOptions.js';

/**
 * A running mock ZIM server (`startMockZimServer`).
 *
 * @public
 */
export interface MockZimServer {
  /** The base URL, e.g. `http://127.0.0.1:54321`: call `${url}/?Action=...`. */
  readonly url: string;
  /** The host it listens on. */
  readonly host: string;
  /** The port it listens on (the one picked when the option was 0). */
  readonly port: number;
  /** The AppId it accepts. */
  readonly appId: number;
  /** The ServerSecret it checks signatures with. */
  readonly serverSecret: string;
  /** How far its clock is ahead (+) or behind (-) of `now()`, in milliseconds. */
  readonly clockOffsetMs: number;
  /** Read-only views of its state (users, friends, groups, rooms, messages, conversations, calls). */
  readonly state: MockStateView;
  /**
   * What a user's SDK login would do: QueryUserOnlineState answers Online for a registered user
   * until it is set back to false. Throws a TypeError for a user that is not registered.
   */
  setUserOnline(userId: string, online: boolean): void;
  /**
   * What users entering a room through the SDK would do (the server API has no call for it):
   * adds them to the room's members. Throws a TypeError for a room that does not exist.
   */
  joinRoom(roomId: string, userIds: readonly string[]): void;
  /** Moves the server clock (the `Date` header and the Timestamp check) from now on. */
  setClockOffset(ms: number): void;
  /** Replaces the fault settings (not merged; `{}` switches faults off). The PRNG sequence goes on. */
  setFaults(faults: MockFaults): void;
  /** Queues answers for the next arrivals of `action`, one per arrival, before any check. */
  script(action: string, answers: readonly MockScriptedAnswer[]): void;
  /** A plain snapshot of the counters of every action. */
  stats(): MockStats;
  /** Zeroes the counters (the rate windows and the state are kept). */
  resetStats(): void;
  /** Stops listening, closes idle and active connections, cancels pending answers. */
  close(): Promise<void>;
}
