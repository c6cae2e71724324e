/**
 * The fleet's learned rate of one limit, in Redis (the `slow` hash of the limit): the same rule as
 * the in-process limiter (`src/limits/adaptiveRate.ts`, docs/overload.md), on Redis's clock.
 * Fields: `base` (the rate after the last refusal) and `from` (when it starts probing up), and the
 * window of refusals in progress (`burstAt`, `before`, `held`, `k`).
 */

/** The rate in force: the limit, or `base` until `from`, then one, two, four... more per window. */
export const CEILING = `local function ceiling(key, cap, window, now)
  local s = redis.call('HMGET', key, 'base', 'from')
  if not s[1] then return cap end
  local base = tonumber(s[1])
  local from = tonumber(s[2])
  if now < from then return base end
  local w = math.floor((now - from) / window)
  if w > 29 then return cap end
  local c = base + 2 ^ (w + 1) - 1
  if c >= cap then return cap end
  return c
end`;

/**
 * KEYS: slow, the main window's slots. ARGV: capacity, windowMs, holdMs. A rate-limited answer
 * somewhere in the fleet: the first of a window sets the rate to the units the fleet holds now
 * minus one, each further one of that window one less, never below half the rate before the
 * window (nor below 1); it holds for `holdMs`, then probes up. Returns the new rate.
 */
export const SLOW_DOWN = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
${CEILING}
local cap = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local hold = tonumber(ARGV[3])
local current = ceiling(KEYS[1], cap, window, now)
local s = redis.call('HMGET', KEYS[1], 'burstAt', 'before', 'held', 'k')
local before, held, k
if s[1] and now - tonumber(s[1]) < window then
  before = tonumber(s[2])
  held = tonumber(s[3])
  k = tonumber(s[4]) + 1
else
  before = current
  held = redis.call('ZCOUNT', KEYS[2], '(' .. now, '+inf')
  k = 1
  redis.call('HSET', KEYS[1], 'burstAt', now)
end
local rate = math.max(1, math.min(before - 1, math.max(held - k, math.floor(before / 2))))
redis.call('HSET', KEYS[1], 'base', rate, 'from', now + hold, 'before', before, 'held', held, 'k', k)
redis.call('PEXPIRE', KEYS[1], hold + (math.ceil(math.log(cap + 1) / math.log(2)) + 2) * window)
return rate`;
