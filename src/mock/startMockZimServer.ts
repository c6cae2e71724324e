import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdminRequest, isAdminPath } from './admin/handleAdminRequest.js';
import { batchSpecOf } from './applyItemFailures.js';
import { CallbackSender } from './callbacks/CallbackSender.js';
import { sendAsClient } from './callbacks/sendAsClient.js';
import { Delays } from './Delays.js';
import { handleRequest } from './handleRequest.js';
import { MockLimiter } from './MockLimiter.js';
import type { MockRuntime } from './MockRuntime.js';
import { validateScriptedAnswer } from './MockScriptedAnswer.js';
import { MockState } from './MockState.js';
import { StatsRecorder } from './MockStats.js';
import type { MockZimServer } from './MockZimServer.js';
import type { MockZimServerOptions } from './MockZimServerOptions.js';
import { resolveActionSpecs } from './resolveActionSpecs.js';
import { ScriptQueue } from './ScriptQueue.js';
import { seededRandom } from './seededRandom.js';
import { validateFaults, validateOptions } from './validateOptions.js';
import { compileValidators } from './validation/compileValidators.js';

/**
 * Starts a local ZIM server API on a real `node:http` server: the real signature and clock
 * checks, the documented per-action limits as exact sliding windows, seeded fault injection,
 * scripted answers; every documented action's parameters checked against the API documents
 * (`strict`), and state in memory (users, friends and blocklists, groups, rooms, messages,
 * conversations, call invitations).
 *
 * Options are checked first: a wrong one rejects with a TypeError that names it.
 *
 * @public
 */
export async function startMockZimServer(options: MockZimServerOptions = {}): Promise<MockZimServer> {
  const resolved = validateOptions(options);
  const specs = resolveActionSpecs(resolved.limits);
  const delays = new Delays();
  let rt: MockRuntime;
  const callbacks =
    resolved.callbackUrl === undefined || resolved.callbackSecret === undefined
      ? undefined
      : new CallbackSender({
          url: resolved.callbackUrl,
          secret: resolved.callbackSecret,
          appId: resolved.appId,
          unit: resolved.callbackTimestampUnit,
          timeScale: resolved.callbackTimeScale,
          attemptTimeoutMs: resolved.callbackTimeoutMs,
          now: resolved.now,
          serverNow: () => resolved.now() + rt.clockOffsetMs,
          delays,
        });
  rt = {
    options: resolved,
    clockOffsetMs: resolved.clockOffsetMs,
    faults: resolved.faults,
    specs,
    checks: compileValidators(),
    limiter: new MockLimiter(resolved.appLimitPerSecond),
    state: new MockState(),
    stats: new StatsRecorder(),
    scripts: new ScriptQueue(),
    random: seededRandom(resolved.seed),
    delays,
    requestCount: 0,
    callbacks,
  };
  const sessions = new Map<string, string>();

  for (const userId of resolved.users) {
    const at = resolved.now() + resolved.clockOffsetMs;
    rt.state.users.set(userId, {
      UserId: userId,
      UserName: userId,
      UserAvatar: '',
      Extra: '',
      IsRobot: false,
      Online: false,
      RegisteredAt: at,
    });
  }

  let api: MockZimServer | undefined;
  const server = createServer((req, res) => {
    const handled =
      resolved.admin && api !== undefined && isAdminPath(req.url)
        ? handleAdminRequest(api, req, res)
        : handleRequest(rt, req, res);
    handled.catch(() => {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  let closing: Promise<void> | undefined;

  api = {
    url: `http://${urlHost}:${port}`,
    host: resolved.host,
    port,
    appId: resolved.appId,
    serverSecret: resolved.serverSecret,
    get clockOffsetMs() {
      return rt.clockOffsetMs;
    },
    state: rt.state,
    setUserOnline(userId, online) {
      const user = rt.state.users.get(userId);
      if (user === undefined)
        throw new TypeError(`expected userId to be a registered user, got ${String(userId)}`);
      const was = user.Online;
      user.Online = online === true;
      if (callbacks === undefined || was === user.Online) return;
      const nowS = Math.floor((resolved.now() + rt.clockOffsetMs) / 1000);
      if (user.Online) sessions.set(userId, randomUUID());
      const session_id = sessions.get(userId) ?? '';
      callbacks.emit(
        'user_action',
        user.Online
          ? {
              user_id: userId,
              user_name: user.UserName,
              os: 'WEB',
              action: 0,
              session_id,
              login_time: nowS,
              relogin: '0',
            }
          : {
              user_id: userId,
              user_name: user.UserName,
              os: 'WEB',
              action: 1,
              session_id,
              logout_time: nowS,
              logout_reason: 'logout',
            },
      );
    },
    joinRoom(roomId, userIds) {
      const room = rt.state.rooms.get(roomId);
      if (room === undefined)
        throw new TypeError(`expected roomId to be an existing room, got ${String(roomId)}`);
      for (const userId of userIds) {
        if (room.Members.has(userId)) continue;
        room.Members.add(userId);
        callbacks?.emit('room_enter', { room_id: roomId, operator_account: userId, new_user_ids: [userId] });
      }
    },
    sendAsClient: (message) => sendAsClient(rt, message),
    callbacks: () => callbacks?.deliveries ?? [],
    callbacksSettled: () => callbacks?.settled() ?? Promise.resolve(),
    setClockOffset(ms: number) {
      if (!(typeof ms === 'number' && Number.isFinite(ms))) {
        throw new TypeError(`expected clockOffsetMs to be a finite number, got ${String(ms)}`);
      }
      rt.clockOffsetMs = ms;
    },
    setFaults(faults) {
      rt.faults = validateFaults(faults);
    },
    script(action, answers) {
      if (typeof action !== 'string' || action === '') {
        throw new TypeError(`expected action to be an action name, got ${String(action)}`);
      }
      if (!Array.isArray(answers))
        throw new TypeError(`expected answers to be an array, got ${typeof answers}`);
      const checked = answers.map((a, i) => validateScriptedAnswer(a, `answers[${i}]`));
      checked.forEach((a, i) => {
        if (typeof a === 'object' && a.itemFailures !== undefined && batchSpecOf(action) === undefined)
          throw new TypeError(`expected answers[${i}].itemFailures to script a batch action, got ${action}`);
      });
      rt.scripts.push(action, checked);
    },
    stats: () => rt.stats.snapshot(specs.keys()),
    resetStats() {
      rt.stats.reset();
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        callbacks?.close();
        rt.delays.cancelAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
  return api;
}
