/**
 * The Lua scripts of a checkpoint in Redis. All times are Redis's own (`TIME`). Keys of one job
 * share the AppId's hash tag:
 * - the job (a hash): `kind` (batch or walk), `digest`, and for a batch `n` (chunks), `next` (the
 *   first chunk never claimed), `settled` (how many are), `s:<i>` (`c:<owner>` claimed, not sent;
 *   `s:<owner>` may have gone out; `d` settled) and `o:<i>` (a settled chunk's record, JSON); for
 *   a walk `cursor` (JSON), `pages`, `done`;
 * - its leases (a sorted set, batch only): a chunk claimed and not settled, scored by when its claim
 *   frees (a process renews its own).
 * Every write sets the job's time to live again.
 */

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const TOUCH = `local function touch(ttl)
  redis.call('PEXPIRE', KEYS[1], ttl)
  if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ttl) end
end`;

/** ARGV: kind, digest, n, ttl. Returns `{'ok'}`, or `{'mismatch'}`. */
export const OPEN = `${TOUCH}
local kind = redis.call('HGET', KEYS[1], 'kind')
if kind then
  if kind ~= ARGV[1] or redis.call('HGET', KEYS[1], 'digest') ~= ARGV[2] or (ARGV[1] == 'batch' and redis.call('HGET', KEYS[1], 'n') ~= ARGV[3]) then
    return {'mismatch'}
  end
else
  redis.call('HSET', KEYS[1], 'kind', ARGV[1], 'digest', ARGV[2])
  if ARGV[1] == 'batch' then redis.call('HSET', KEYS[1], 'n', ARGV[3], 'next', 0, 'settled', 0) end
end
touch(tonumber(ARGV[4]))
if ARGV[1] == 'walk' then
  return {'ok', redis.call('HGET', KEYS[1], 'cursor') or '', redis.call('HGET', KEYS[1], 'pages') or '0', redis.call('HGET', KEYS[1], 'done') or '0'}
end
return {'ok'}`;

/** ARGV: from, count. The records of chunks from..from+count-1 ('' for one not settled). */
export const RECORDS = `local out = {}
for i = tonumber(ARGV[1]), tonumber(ARGV[1]) + tonumber(ARGV[2]) - 1 do
  out[#out + 1] = redis.call('HGET', KEYS[1], 'o:' .. i) or ''
end
return out`;

/**
 * ARGV: owner, claimMs, ttl. Takes the chunk whose claim freed first (a process gone: `{i, 1}`
 * when it may have gone out, `{i, 0}` when it was only claimed), else the next never claimed
 * (`{i, 0}`). `{-1}`: every chunk is settled; `{-2, ms}`: all are claimed, the next claim frees in
 * ms; `{-3}`: the job is gone.
 */
export const CLAIM = `${NOW}
${TOUCH}
local n = tonumber(redis.call('HGET', KEYS[1], 'n'))
if not n then return {-3} end
local freed = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 1)
if #freed > 0 then
  local i = freed[1]
  local st = redis.call('HGET', KEYS[1], 's:' .. i) or 'c:'
  local was = string.sub(st, 1, 1)
  if was == 'd' then
    redis.call('ZREM', KEYS[2], i)
  else
    redis.call('HSET', KEYS[1], 's:' .. i, was .. ':' .. ARGV[1])
    redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), i)
    touch(tonumber(ARGV[3]))
    if was == 's' then return {tonumber(i), 1} end
    return {tonumber(i), 0}
  end
end
local nx = tonumber(redis.call('HGET', KEYS[1], 'next'))
if nx < n then
  redis.call('HSET', KEYS[1], 'next', nx + 1, 's:' .. nx, 'c:' .. ARGV[1])
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), nx)
  touch(tonumber(ARGV[3]))
  return {nx, 0}
end
if tonumber(redis.call('HGET', KEYS[1], 'settled')) >= n then return {-1} end
local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
if first[2] then return {-2, math.max(0, tonumber(first[2]) - now)} end
return {-2, 100}`;

/** ARGV: owner, index, leaseMs, ttl. 1: the chunk is this owner's and now may have gone out; 0: it is not (taken over); -3: gone. */
export const MARK_SENT = `${NOW}
${TOUCH}
local f = 's:' .. ARGV[2]
local st = redis.call('HGET', KEYS[1], f)
if not st then return -3 end
if string.sub(st, 3) ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], f, 's:' .. ARGV[1])
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[2])
touch(tonumber(ARGV[4]))
return 1`;

/** ARGV: index, record, ttl. The first record of a chunk wins. 1: recorded; 0: it was already; -3: gone. */
export const SETTLE = `${TOUCH}
local f = 's:' .. ARGV[1]
local st = redis.call('HGET', KEYS[1], f)
if not st then return -3 end
if st == 'd' then return 0 end
redis.call('HSET', KEYS[1], f, 'd', 'o:' .. ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[1], 'settled', 1)
redis.call('ZREM', KEYS[2], ARGV[1])
touch(tonumber(ARGV[3]))
return 1`;

/** ARGV: owner, claimMs, leaseMs, ttl, then the indices held. Renews each one still this owner's. */
export const RENEW = `${NOW}
${TOUCH}
for k = 5, #ARGV do
  local st = redis.call('HGET', KEYS[1], 's:' .. ARGV[k])
  if st and string.sub(st, 3) == ARGV[1] then
    local ms = tonumber(ARGV[2])
    if string.sub(st, 1, 1) == 's' then ms = tonumber(ARGV[3]) end
    redis.call('ZADD', KEYS[2], 'XX', now + ms, ARGV[k])
  end
end
touch(tonumber(ARGV[4]))
return 1`;

/** ARGV: digest, cursor (JSON), pages, done (0/1), ttl. 1: recorded; 0: the key names another walk or is gone. */
export const WALK_RECORD = `if redis.call('HGET', KEYS[1], 'digest') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'cursor', ARGV[2], 'pages', ARGV[3], 'done', ARGV[4])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[5]))
return 1`;

/** Drops a job (either kind). */
export const FORGET = `return redis.call('DEL', KEYS[1], KEYS[2])`;
