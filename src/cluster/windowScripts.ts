import { CEILING } from './adaptScripts.js';

export { SLOW_DOWN } from './adaptScripts.js';

/**
 * The Lua scripts of the shared sliding windows. All times are Redis's own (`TIME`), so the
 * clocks of the processes never matter. Keys of one limit share the AppId's hash tag.
 *
 * - `slots` (one per window of the limit: the second, and the burst window if there is one): a
 *   sorted set, one member per unit taken, scored by the time it frees: a short lease while the
 *   call is in flight (renewed by its process while it is), one window after its answer once
 *   released. A unit nobody renews (a process gone, an acquire given up) frees with its lease.
 * - `pause`: a key whose time to live is a fleet-wide pause (a rate-limited answer).
 * - `slow`: a hash: the fleet's learned rate (see `adaptScripts.ts`), up to the limit again.
 * - `epoch`: a hash `{ id, at }` per AppId. Gone (FLUSHALL, an eviction) under a running fleet,
 *   the next acquire makes a new one and the fleet grants nothing for a quiet time while every
 *   process records its slots again (see `ACQUIRE`).
 */

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** Sets `key`'s time to live to `ms` unless it already lives longer (or has none set yet: then sets it). */
const EXPIRE_AT_LEAST = `local function expireAtLeast(key, ms)
  if redis.call('PTTL', key) < ms then redis.call('PEXPIRE', key, ms) end
end`;

/**
 * KEYS: epoch, pause, slow, clients (the live clients' heartbeats, see `liveClients.ts`), then
 * the slots of each window. ARGV: windows n, the epoch id the client knows ('' for none yet), a
 * new epoch id, the client's deadline (Redis time; 0 for none), leaseMs, quietMs, then
 * `capacity, ms` per window, then `weight, token` per call, in queue order. Grants calls in that
 * order while they fit every window, in one round trip. Returns `{granted, 0, epoch, clients}`,
 * or `{0, ms, epoch, clients}` when not even the first fits (nothing can be granted before `ms`
 * from now, at most one window), `{-1, 0, epoch, clients}` when the epoch is not the client's
 * (record the slots again, then ask again), `{-2, 0, ''}` when it ran after the client's
 * deadline (the client gave up on it: nothing is taken). `clients` counts the clients in the
 * heartbeat set (pruned at every heartbeat), so each acquire learns of a client that joined
 * since this one's last heartbeat.
 */
export const ACQUIRE = `${NOW}
${CEILING}
${EXPIRE_AT_LEAST}
local n = tonumber(ARGV[1])
local deadline = tonumber(ARGV[4])
if deadline > 0 and now > deadline then return {-2, 0, ''} end
local clients = redis.call('ZCARD', KEYS[4])
local known = ARGV[2]
local e = redis.call('HMGET', KEYS[1], 'id', 'at')
local epoch = e[1]
local since = tonumber(e[2])
if not epoch then
  epoch = ARGV[3]
  since = 0
  if known ~= '' then since = now end
  redis.call('HSET', KEYS[1], 'id', epoch, 'at', since)
end
if known ~= '' and epoch ~= known then return {-1, 0, epoch, clients} end
if since > 0 and now < since + tonumber(ARGV[6]) then return {0, since + tonumber(ARGV[6]) - now, epoch, clients} end
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return {0, paused, epoch, clients} end
local lease = tonumber(ARGV[5])
local caps, mss, counts = {}, {}, {}
for w = 1, n do
  caps[w] = tonumber(ARGV[5 + 2 * w])
  mss[w] = tonumber(ARGV[6 + 2 * w])
  redis.call('ZREMRANGEBYSCORE', KEYS[4 + w], '-inf', now)
  counts[w] = redis.call('ZCARD', KEYS[4 + w])
end
caps[1] = ceiling(KEYS[3], caps[1], mss[1], now)
local granted = 0
local i = 7 + 2 * n
while ARGV[i] do
  local weight = tonumber(ARGV[i])
  local fits = true
  for w = 1, n do
    if counts[w] + weight > caps[w] then fits = false end
  end
  if not fits then break end
  for w = 1, n do
    for k = 1, weight do redis.call('ZADD', KEYS[4 + w], now + lease, ARGV[i + 1] .. '#' .. k) end
    counts[w] = counts[w] + weight
  end
  granted = granted + 1
  i = i + 2
end
if granted > 0 then
  for w = 1, n do expireAtLeast(KEYS[4 + w], lease + mss[w] + 1) end
  return {granted, 0, epoch, clients}
end
local weight = tonumber(ARGV[7 + 2 * n])
local ms = 1
for w = 1, n do
  local over = counts[w] + weight - caps[w]
  if over > 0 then
    local wait = mss[w]
    local r = redis.call('ZRANGE', KEYS[4 + w], over - 1, over - 1, 'WITHSCORES')
    if r[2] then wait = math.min(mss[w], tonumber(r[2]) - now) end
    ms = math.max(ms, wait)
  end
end
return {0, ms, epoch, clients}`;

/**
 * KEYS: the slots of each window. ARGV: token, weight, then ms per window. The units of
 * `token` free `ms` from now in each window (one window after an answer; added again if Redis
 * lost them meanwhile, since the server may have just seen the call).
 */
export const RELEASE = `${NOW}
${EXPIRE_AT_LEAST}
for w = 1, #KEYS do
  local ms = tonumber(ARGV[2 + w])
  for i = 1, tonumber(ARGV[2]) do redis.call('ZADD', KEYS[w], now + ms, ARGV[1] .. '#' .. i) end
  expireAtLeast(KEYS[w], ms)
end
return 1`;

/** KEYS: the slots of each window. ARGV: leaseMs, then `token, weight` per call in flight: their lease starts again now. */
export const RENEW = `${NOW}
${EXPIRE_AT_LEAST}
local lease = tonumber(ARGV[1])
for w = 1, #KEYS do
  local i = 2
  while ARGV[i] do
    for k = 1, tonumber(ARGV[i + 1]) do redis.call('ZADD', KEYS[w], now + lease, ARGV[i] .. '#' .. k) end
    i = i + 2
  end
  expireAtLeast(KEYS[w], lease)
end
return 1`;

/** KEYS: the slots of each window. ARGV: `token, weight` per call: units taken but never used (nothing was sent). */
export const CANCEL = `for w = 1, #KEYS do
  local i = 1
  while ARGV[i] do
    for k = 1, tonumber(ARGV[i + 1]) do redis.call('ZREM', KEYS[w], ARGV[i] .. '#' .. k) end
    i = i + 2
  end
end
return 1`;

/**
 * KEYS: the slots of each window. ARGV: token, weight, then ms per window. Records units this
 * process took while Redis was away (or before Redis lost them), freeing `ms` from now, so that
 * the fleet counts them once it is back.
 */
export const HOLD = `${NOW}
${EXPIRE_AT_LEAST}
for w = 1, #KEYS do
  local ms = tonumber(ARGV[2 + w])
  for i = 1, tonumber(ARGV[2]) do redis.call('ZADD', KEYS[w], now + ms, ARGV[1] .. '#' .. i) end
  expireAtLeast(KEYS[w], ms)
end
return 1`;

/** KEYS: pause. ARGV: ms. Pauses the fleet for `ms` from now, unless a longer pause is on. */
export const PAUSE = `if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 1`;
