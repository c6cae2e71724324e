/**
 * The Lua scripts of a daily quota shared by the fleet: one sorted set per action (per AppId),
 * one member per call taken, scored by when it was taken (Redis's `TIME`); members older than a
 * day drop out, and the key expires a day after the last call. It outlives every process.
 */

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS: quota. ARGV: limit, dayMs, token. Returns `{1, 0}` once taken, else `{0, ms until one fits}`. */
export const QUOTA_TAKE = `${NOW}
local day = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - day)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, math.max(1, tonumber(oldest[2]) + day - now)}
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], day)
return {1, 0}`;

/** KEYS: quota. ARGV: token. A call taken that was never sent. */
export const QUOTA_GIVE_BACK = `return redis.call('ZREM', KEYS[1], ARGV[1])`;

/** KEYS: quota. ARGV: limit, dayMs, ms, token. Fills the quota, the filler freeing `ms` from now: spent elsewhere. */
export const QUOTA_SPENT = `${NOW}
local day = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - day)
local fill = tonumber(ARGV[1]) - redis.call('ZCARD', KEYS[1])
for i = 1, fill do redis.call('ZADD', KEYS[1], now - day + tonumber(ARGV[3]), ARGV[4] .. '#' .. i) end
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return fill`;

/**
 * KEYS: quota. ARGV: dayMs, then `token, ageMs` per call: calls this process took (alone while
 * Redis was away, or through a Redis that has since lost them), recorded at their own time, so
 * the day's count is true for the fleet. Idempotent: a call already there keeps one member.
 */
export const QUOTA_RECORD = `${NOW}
local day = tonumber(ARGV[1])
local i = 2
while ARGV[i] do
  redis.call('ZADD', KEYS[1], now - tonumber(ARGV[i + 1]), ARGV[i])
  i = i + 2
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - day)
if redis.call('PTTL', KEYS[1]) < day then redis.call('PEXPIRE', KEYS[1], day) end
return i / 2 - 1`;
