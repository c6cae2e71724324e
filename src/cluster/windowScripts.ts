/**
 * The Lua scripts of the shared sliding window. All times are Redis's own (`TIME`), so the
 * clocks of the processes never matter. Keys of one limit share the AppId's hash tag.
 *
 * - `slots`: a sorted set, one member per unit taken, scored by the time it frees: the hold
 *   limit while the call is in flight, one window after its answer once released.
 * - `pause`: a key whose time to live is a fleet-wide pause (a rate-limited answer).
 * - `slow`: a hash `{ ceiling, at }`: the fleet grants at most `ceiling` per window, plus one more
 *   per window since `at`, up to the limit again.
 */

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** The ceiling in force: the limit, or less for a while after a slow-down. */
const CEILING = `local function ceiling(key, cap, window, now)
  local s = redis.call('HMGET', key, 'ceiling', 'at')
  if not s[1] then return cap, nil end
  local c = tonumber(s[1]) + math.floor((now - tonumber(s[2])) / window)
  if c < cap then return c, tonumber(s[2]) end
  return cap, tonumber(s[2])
end`;

/**
 * KEYS: slots, pause, slow. ARGV: capacity, holdMs, windowMs, then `weight, token` per call, in
 * queue order. Grants calls in that order while they fit, in one round trip. Returns
 * `{granted, 0}`, or `{0, ms}` when not even the first fits: nothing can be granted before `ms`
 * from now (at most one window, since an in-flight unit may be released at any moment).
 */
export const ACQUIRE = `${NOW}
${CEILING}
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return {0, paused} end
local hold = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local cap = ceiling(KEYS[3], tonumber(ARGV[1]), window, now)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local n = redis.call('ZCARD', KEYS[1])
local granted = 0
local i = 4
while ARGV[i] do
  local w = tonumber(ARGV[i])
  if n + w > cap then break end
  for k = 1, w do redis.call('ZADD', KEYS[1], now + hold, ARGV[i + 1] .. '#' .. k) end
  n = n + w
  granted = granted + 1
  i = i + 2
end
if granted > 0 then
  redis.call('PEXPIRE', KEYS[1], hold + window)
  return {granted, 0}
end
local w = tonumber(ARGV[4])
local ms = window
local r = redis.call('ZRANGE', KEYS[1], n + w - cap - 1, n + w - cap - 1, 'WITHSCORES')
if r[2] then ms = math.min(window, tonumber(r[2]) - now) end
return {0, math.max(1, ms)}`;

/** KEYS: slots. ARGV: token, weight, windowMs. The units of `token` free one window from now. */
export const RELEASE = `${NOW}
local at = now + tonumber(ARGV[3]) + 1
for i = 1, tonumber(ARGV[2]) do redis.call('ZADD', KEYS[1], 'XX', at, ARGV[1] .. '#' .. i) end
return 1`;

/**
 * KEYS: slow. ARGV: capacity, windowMs. One less per window for the whole fleet, for each
 * rate-limited answer: k refusals of a window's sends bring the ceiling down by k, to what the
 * server took. The ceiling creeps back up by one per window. Returns the new ceiling.
 */
export const SLOW_DOWN = `${NOW}
${CEILING}
local cap = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local current = ceiling(KEYS[1], cap, window, now)
local c = math.max(1, current - 1)
redis.call('HSET', KEYS[1], 'ceiling', c, 'at', now)
redis.call('PEXPIRE', KEYS[1], (cap - c + 1) * window)
return c`;

/**
 * KEYS: slots. ARGV: token, weight, ms. Records units this process took while Redis was away,
 * freeing `ms` from now, so that the fleet counts them once it is back.
 */
export const HOLD = `${NOW}
for i = 1, tonumber(ARGV[2]) do redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1] .. '#' .. i) end
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`;

/** KEYS: pause. ARGV: ms. Pauses the fleet for `ms` from now, unless a longer pause is on. */
export const PAUSE = `if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 1`;
