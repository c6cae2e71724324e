import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request, errors as undiciErrors, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { isAbortError } from '../src/codes/isAbortError.js';
import {
  type Category,
  type CodeCatalog,
  classifyCode,
  classifyHttpStatus,
  classifyTransportError,
  codeInfo,
  createCodeCatalog,
  ZIM_CODE_CATALOG,
  ZIM_CODES,
  type ZimCodeInfo,
} from '../src/index.js';

// The 43 codes of the seed (spec/code-categories.json, "seed"), copied literally as designed.
const SEED: Record<Category, number[]> = {
  success: [0],
  retryable: [1, 100000010, 100000011, 100000012, 100000015, 660000001, 660000003, 660600003, 660600006],
  'rate-limited': [7, 660600004, 660600005, 660600007, 660700001],
  auth: [3, 100000002, 100000003, 100000004, 100000005, 100000008, 100000009, 100000013, 100000014],
  fatal: [
    2, 50014, 51102, 100000000, 100000001, 100000006, 100000007, 100000016, 100000017, 660000002, 660000011,
    660300001, 660300002, 660400001, 660500002, 660600001, 660700002, 660700006, 660700007,
  ],
};
const SEED_ROWS = Object.entries(SEED).flatMap(([category, codes]) =>
  codes.map((code) => ({ code, category })),
);

describe('classifyCode', () => {
  it('has 43 seed codes to pin, each a documented code of the catalog with that category', () => {
    expect(SEED_ROWS).toHaveLength(43);
    expect(new Set(SEED_ROWS.map((r) => r.code)).size).toBe(43);
    // an unknown code is fatal too: a seed code missing from the catalog must not pass as "fatal"
    const documented = new Map(ZIM_CODES.map((e) => [e.code, e.category]));
    expect(SEED_ROWS.filter((r) => documented.get(r.code) !== r.category)).toEqual([]);
  });

  it.each(SEED_ROWS)('pins seed code $code to $category', ({ code, category }) => {
    expect(classifyCode(code)).toBe(category);
    expect(codeInfo(code)?.category).toBe(category);
  });

  it('classifies 105001 (database request failed) as retryable', () => {
    expect(classifyCode(105001)).toBe('retryable');
  });

  it.each([660300005, 660300006, 660500003, 660600010])(
    'classifies rate-limit code %i as rate-limited',
    (code) => {
      expect(classifyCode(code)).toBe('rate-limited');
    },
  );

  it('classifies server-side failures as retryable and state or quantity errors as fatal', () => {
    expect(classifyCode(660300007)).toBe('retryable'); // failed to get the room: internal error
    expect(classifyCode(660600015)).toBe('retryable'); // failed DB operation
    expect(classifyCode(660600016)).toBe('fatal'); // group member count exceeds the limit
    expect(classifyCode(660600011)).toBe('fatal'); // group already exists
    expect(classifyCode(660900006)).toBe('fatal'); // call invitation timed out: a state, not a server timeout
  });

  it.each([999, 42, -1, 660999999, 1.5, Number.NaN])('classifies unknown code %d as fatal', (code) => {
    expect(classifyCode(code)).toBe('fatal');
    expect(codeInfo(code)).toBeUndefined();
  });

  it('returns the docs text, leaving out what the docs leave out', () => {
    expect(codeInfo(660600004)).toEqual({
      code: 660600004,
      category: 'rate-limited',
      meaning: 'The frequency of calling the QueryGroupMemberList interface exceeds the limit.',
      cause: 'API call frequency exceeds the limit.',
      advice: 'The rate limit is 20 requests/second. Please do not exceed the limit.',
    });
    expect(codeInfo(0)).toEqual({ code: 0, category: 'success', meaning: 'Request successful.' });
    expect(codeInfo(660000022)).not.toHaveProperty('cause');
  });

  it('embeds 142 codes with these category counts', () => {
    expect(ZIM_CODES).toHaveLength(142);
    const counts = Object.fromEntries(
      ['success', 'retryable', 'rate-limited', 'auth', 'fatal'].map((c) => [
        c,
        ZIM_CODES.filter((e) => e.category === c).length,
      ]),
    );
    expect(counts).toEqual({ success: 1, retryable: 23, 'rate-limited': 9, auth: 10, fatal: 99 });
  });
});

const TSV = new URL('../spec/return-codes.tsv', import.meta.url);

/** Where the page disagrees with itself: the decisions of spec/code-categories.json's `corrections`. */
const CORRECTIONS = (
  JSON.parse(readFileSync(new URL('../spec/code-categories.json', import.meta.url), 'utf8')) as {
    corrections: {
      entries: { code: number; field: string; source: string; corrected: string; why: string }[];
    };
  }
).corrections.entries;

describe('drift from spec/return-codes.tsv', () => {
  it('matches every code of the TSV, but for the corrections the spec records', () => {
    const rows = readFileSync(TSV, 'utf8').trim().split('\n').slice(1);
    expect(rows).toHaveLength(142);
    const orAbsent = (s: string | undefined) => (s === '-' ? undefined : s);
    for (const row of rows) {
      const [code, meaning, cause, advice] = row.split('\t');
      const info = codeInfo(Number(code));
      expect(info, `code ${code}`).toBeDefined();
      const fromTsv: Record<string, string | undefined> = {
        meaning,
        cause: orAbsent(cause),
        advice: orAbsent(advice),
      };
      for (const c of CORRECTIONS.filter((c) => c.code === Number(code))) {
        expect(fromTsv[c.field], `code ${code} ${c.field}`).toBe(c.source);
        fromTsv[c.field] = c.corrected;
      }
      expect({ meaning: info?.meaning, cause: info?.cause, advice: info?.advice }, `code ${code}`).toEqual(
        fromTsv,
      );
    }
    expect(new Set(rows.map((r) => Number(r.split('\t')[0])))).toEqual(new Set(ZIM_CODES.map((e) => e.code)));
  });

  it('gives 100000005 (invalid signature) a cause of its own, not the cause of 100000004 (issue 33)', () => {
    expect(codeInfo(100000004)?.cause).toBe('Signature expired.');
    expect(codeInfo(100000005)?.cause).not.toBe(codeInfo(100000004)?.cause);
    expect(codeInfo(100000005)?.cause).toMatch(/ServerSecret/);
    expect(CORRECTIONS.find((c) => c.code === 100000005)?.why).toMatch(/100000004/);
  });

  it('classifies the 11 codes found only on action pages', () => {
    const actionPages = readFileSync(TSV, 'utf8')
      .trim()
      .split('\n')
      .filter((row) => row.endsWith('\taction pages'))
      .map((row) => Number(row.split('\t')[0]));
    expect(actionPages).toHaveLength(11);
    const categories = Object.fromEntries(actionPages.map((code) => [code, classifyCode(code)]));
    expect(categories).toEqual({
      660300013: 'fatal',
      660300019: 'fatal',
      660400102: 'fatal',
      660400103: 'fatal',
      660400104: 'fatal',
      660600028: 'fatal',
      660800054: 'fatal',
      910001: 'fatal',
      910002: 'fatal',
      910003: 'retryable',
      910004: 'auth',
    });
  });
});

describe('createCodeCatalog', () => {
  it('overrides a code with a bare category, keeping the docs text', () => {
    const catalog = createCodeCatalog({ 660800027: 'success' });
    expect(classifyCode(660800027, catalog)).toBe('success');
    expect(codeInfo(660800027, catalog)?.meaning).toBe(codeInfo(660800027)?.meaning);
    expect(classifyCode(660800027)).toBe('fatal');
    expect(classifyCode(660600004, catalog)).toBe('rate-limited');
  });

  it('merges an entry over the default and adds unknown codes', () => {
    const catalog = createCodeCatalog({
      1: { category: 'fatal', advice: 'Give up.' },
      900001: { category: 'retryable', meaning: 'Busy.' },
      900002: 'rate-limited',
    });
    expect(catalog.get(1)).toEqual({
      code: 1,
      category: 'fatal',
      meaning: 'Request failed.',
      cause: 'Server is busy.',
      advice: 'Give up.',
    });
    expect(catalog.get(900001)).toEqual({ code: 900001, category: 'retryable', meaning: 'Busy.' });
    expect(catalog.get(900002)).toEqual({
      code: 900002,
      category: 'rate-limited',
      meaning: 'Not documented; classified by a catalog override.',
    });
    expect(catalog.category(900003)).toBe('fatal');
    expect(catalog.category(0)).toBe('success');
  });

  it('is frozen, entries included, and leaves the default catalog alone', () => {
    const catalog = createCodeCatalog({ 7: 'fatal' });
    expect(Object.isFrozen(catalog)).toBe(true);
    expect(Object.isFrozen(catalog.get(7))).toBe(true);
    expect(Object.isFrozen(ZIM_CODE_CATALOG.get(1))).toBe(true);
    expect(classifyCode(7)).toBe('rate-limited');
    expect(createCodeCatalog().get(660600004)).toEqual(ZIM_CODE_CATALOG.get(660600004));
  });

  it.each<[string, unknown, string]>([
    [
      'an unknown category',
      { 123: 'nope' },
      'codes[123] to be one of success, retryable, rate-limited, auth, fatal, got "nope"',
    ],
    [
      'an unknown entry category',
      { 5: { category: 'later' } },
      'codes[5].category to be one of success, retryable, rate-limited, auth, fatal, got "later"',
    ],
    [
      'a missing entry category',
      { 5: { meaning: 'x' } },
      'codes[5].category to be one of success, retryable, rate-limited, auth, fatal, got undefined',
    ],
    ['a non-integer key', { 1.5: 'fatal' }, 'every key of codes to be an integer code, got "1.5"'],
    ['a non-numeric key', { abc: 'fatal' }, 'every key of codes to be an integer code, got "abc"'],
    ['a value of the wrong type', { 9: 42 }, 'codes[9] to be a category or an entry with a category, got 42'],
    ['a null value', { 9: null }, 'codes[9] to be a category or an entry with a category, got null'],
    ['code 0 not success', { 0: 'fatal' }, 'codes[0] to be success (code 0 always is), got "fatal"'],
    [
      'a code that differs from its key',
      { 9: { code: 8, category: 'fatal' } },
      'codes[9].code to be 9 or absent, got 8',
    ],
    [
      'a non-string text field',
      { 9: { category: 'fatal', advice: 3 } },
      'codes[9].advice to be a string, got 3',
    ],
    [
      'an unknown field',
      { 9: { category: 'fatal', categry: 'auth' } },
      'codes[9] to have only the fields code, category, meaning, cause, advice, got "categry"',
    ],
    ['overrides that are not an object', null, 'codes to be an object keyed by code, got null'],
  ])('rejects %s with a TypeError that names it', (_, overrides, message) => {
    expect(() => createCodeCatalog(overrides as Record<number, Category>)).toThrow(
      new TypeError(`expected ${message}`),
    );
  });

  it('types overrides and the catalog', () => {
    // @ts-expect-error not a category
    expect(() => createCodeCatalog({ 123: 'nope' })).toThrow(TypeError);
    // @ts-expect-error an entry needs a category
    expect(() => createCodeCatalog({ 123: { meaning: 'x' } })).toThrow(TypeError);
    expectTypeOf(ZIM_CODE_CATALOG).toEqualTypeOf<CodeCatalog>();
    expectTypeOf(codeInfo).returns.toEqualTypeOf<ZimCodeInfo | undefined>();
    expectTypeOf(classifyCode).returns.toEqualTypeOf<Category>();
  });
});

describe('classifyHttpStatus', () => {
  it.each<[number, Category | undefined]>([
    [200, undefined],
    [204, undefined],
    [299, undefined],
    [429, 'rate-limited'],
    [408, 'retryable'],
    [500, 'retryable'],
    [502, 'retryable'],
    [503, 'retryable'],
    [504, 'retryable'],
    [599, 'retryable'],
    [401, 'auth'],
    [403, 'auth'],
    [400, 'fatal'],
    [404, 'fatal'],
    [405, 'fatal'],
    [413, 'fatal'],
    [100, 'fatal'],
    [101, 'fatal'],
    [301, 'fatal'],
    [304, 'fatal'],
    [600, 'fatal'],
    [0, 'fatal'],
    [200.5, 'fatal'],
  ])('classifies %d as %s', (status, category) => {
    expect(classifyHttpStatus(status)).toBe(category);
  });
});

/** Starts an HTTP server on a free port of 127.0.0.1 and returns its base URL. */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Closes a server, dropping any connection still open. */
async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** What a call rejected with. */
async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.fail('expected the call to fail'),
    (err: unknown) => err,
  );
}

/** A Node-style system error. */
function systemError(code: string, syscall?: string): Error {
  return Object.assign(new Error(`${syscall ?? 'op'} ${code}`), { code, ...(syscall ? { syscall } : {}) });
}

describe('classifyTransportError', () => {
  const servers: Server[] = [];
  let closedPort: string;
  let destroyAfterRequest: string;
  let resetAfterRequest: string;
  let neverAnswers: string;

  beforeAll(async () => {
    const closed = createServer();
    closedPort = await listen(closed);
    await close(closed);
    const handler = (action: 'destroy' | 'resetAndDestroy') => {
      const server = createServer((req) => {
        req.resume();
        req.on('end', () => req.socket[action]());
      });
      servers.push(server);
      return listen(server);
    };
    destroyAfterRequest = await handler('destroy');
    resetAfterRequest = await handler('resetAndDestroy');
    const silent = createServer(() => {});
    servers.push(silent);
    neverAnswers = await listen(silent);
  });

  afterAll(async () => {
    await Promise.all(servers.map(close));
  });

  it('puts a real ECONNREFUSED before the write, from undici request and through fetch', async () => {
    const err = await rejection(request(closedPort));
    expect(classifyTransportError(err)).toEqual({ phase: 'before-write', code: 'ECONNREFUSED' });
    const wrapped = await rejection(undiciFetch(closedPort));
    expect(wrapped).toBeInstanceOf(TypeError);
    expect(classifyTransportError(wrapped)).toEqual({ phase: 'before-write', code: 'ECONNREFUSED' });
    expect(isAbortError(wrapped)).toBe(false);
  });

  it('puts a real DNS failure before the write', async () => {
    const err = await rejection(request('http://zim-resilience-test.invalid/'));
    const info = classifyTransportError(err);
    expect(info.phase).toBe('before-write');
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(info.code);
  });

  it('puts a real socket closed after the request (UND_ERR_SOCKET) after the write', async () => {
    const err = await rejection(request(destroyAfterRequest, { method: 'POST', body: '{"a":1}' }));
    expect(err).toBeInstanceOf(undiciErrors.SocketError);
    expect(classifyTransportError(err)).toEqual({ phase: 'after-write', code: 'UND_ERR_SOCKET' });
    const wrapped = await rejection(undiciFetch(destroyAfterRequest, { method: 'POST', body: '{"a":1}' }));
    expect(classifyTransportError(wrapped)).toEqual({ phase: 'after-write', code: 'UND_ERR_SOCKET' });
  });

  it('puts a real ECONNRESET after the write', async () => {
    const err = await rejection(request(resetAfterRequest, { method: 'POST', body: '{"a":1}' }));
    expect(classifyTransportError(err)).toEqual({ phase: 'after-write', code: 'ECONNRESET' });
  });

  it('puts a real headers timeout after the write', async () => {
    const dispatcher = new Agent({ headersTimeout: 50 });
    try {
      const err = await rejection(request(neverAnswers, { dispatcher }));
      expect(classifyTransportError(err)).toEqual({ phase: 'after-write', code: 'UND_ERR_HEADERS_TIMEOUT' });
    } finally {
      await dispatcher.destroy();
    }
  });

  it.each<[string, unknown, 'before-write' | 'after-write', string | undefined]>([
    [
      'undici ConnectTimeoutError',
      new undiciErrors.ConnectTimeoutError(),
      'before-write',
      'UND_ERR_CONNECT_TIMEOUT',
    ],
    ['ENOTFOUND', systemError('ENOTFOUND', 'getaddrinfo'), 'before-write', 'ENOTFOUND'],
    ['EAI_AGAIN', systemError('EAI_AGAIN', 'getaddrinfo'), 'before-write', 'EAI_AGAIN'],
    ['ENETUNREACH', systemError('ENETUNREACH', 'connect'), 'before-write', 'ENETUNREACH'],
    ['EHOSTUNREACH', systemError('EHOSTUNREACH', 'connect'), 'before-write', 'EHOSTUNREACH'],
    ['ETIMEDOUT in a connect', systemError('ETIMEDOUT', 'connect'), 'before-write', 'ETIMEDOUT'],
    ['ETIMEDOUT in a read', systemError('ETIMEDOUT', 'read'), 'after-write', 'ETIMEDOUT'],
    ['ETIMEDOUT with no syscall', systemError('ETIMEDOUT'), 'after-write', 'ETIMEDOUT'],
    ['EPIPE', systemError('EPIPE', 'write'), 'after-write', 'EPIPE'],
    ['undici BodyTimeoutError', new undiciErrors.BodyTimeoutError(), 'after-write', 'UND_ERR_BODY_TIMEOUT'],
    ['undici ClientClosedError', new undiciErrors.ClientClosedError(), 'after-write', 'UND_ERR_CLOSED'],
    ['"other side closed" with no code', new Error('other side closed'), 'after-write', undefined],
    ['an unknown error', new Error('boom'), 'after-write', undefined],
    ['an unknown code', systemError('ESOMETHING'), 'after-write', 'ESOMETHING'],
    ['a string', 'ECONNREFUSED', 'after-write', undefined],
    ['null', null, 'after-write', undefined],
    [
      "Node's AggregateError of connect attempts",
      new AggregateError([systemError('ECONNREFUSED', 'connect'), systemError('ECONNREFUSED', 'connect')]),
      'before-write',
      'ECONNREFUSED',
    ],
    [
      'a plain wrapper around ECONNREFUSED',
      new Error('reset', { cause: systemError('ECONNREFUSED', 'connect') }),
      'before-write',
      'ECONNREFUSED',
    ],
    // Deno's fetch (2.9, as measured): no code, its connector's failure told in words
    [
      "Deno's refused connection",
      new TypeError('fetch failed', {
        cause: new Error(
          'error sending request for url (http://127.0.0.1:9/): client error (Connect): tcp connect error: Connection refused (os error 111)',
        ),
      }),
      'before-write',
      undefined,
    ],
    [
      "Deno's DNS failure",
      new TypeError('fetch failed', {
        cause: new Error(
          'error sending request for url (http://no-such-host.invalid/): client error (Connect): dns error: failed to lookup address information: Name or service not known',
        ),
      }),
      'before-write',
      undefined,
    ],
    [
      "Deno's connection closed without an answer",
      new TypeError('fetch failed', {
        cause: new Error(
          'error sending request from 127.0.0.1:45058 for http://127.0.0.1:44311/ (127.0.0.1:44311): client error (SendRequest): connection closed before message completed',
        ),
      }),
      'after-write',
      undefined,
    ],
    [
      "Deno's reset",
      new TypeError('fetch failed', { cause: new Error('Connection reset by peer (os error 104)') }),
      'after-write',
      undefined,
    ],
    [
      'ECONNRESET wrapping ECONNREFUSED (the write wins)',
      Object.assign(new Error('reset', { cause: systemError('ECONNREFUSED', 'connect') }), {
        code: 'ECONNRESET',
      }),
      'after-write',
      'ECONNRESET',
    ],
  ])('classifies %s', (_, err, phase, code) => {
    expect(classifyTransportError(err)).toEqual({ phase, code });
  });

  it('follows cause chains 5 links deep and no further', () => {
    const wrap = (depth: number) => {
      let err: Error = systemError('ECONNREFUSED', 'connect');
      for (let i = 0; i < depth; i++) err = new Error(`wrapper ${i}`, { cause: err });
      return err;
    };
    expect(classifyTransportError(wrap(5))).toEqual({ phase: 'before-write', code: 'ECONNREFUSED' });
    expect(classifyTransportError(wrap(6))).toEqual({ phase: 'after-write', code: undefined });
  });

  it('stops on a cause cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(classifyTransportError(a)).toEqual({ phase: 'after-write', code: undefined });
    expect(isAbortError(a)).toBe(false);
  });
});

describe('isAbortError', () => {
  let url: string;
  let server: Server;

  beforeAll(async () => {
    server = createServer(() => {});
    url = await listen(server);
  });

  afterAll(() => close(server));

  it('recognises a real abort of an undici request and a real fetch timeout', async () => {
    const controller = new AbortController();
    const pending = rejection(request(url, { signal: controller.signal }));
    controller.abort();
    expect(isAbortError(await pending)).toBe(true);
    const timedOut = await rejection(undiciFetch(url, { signal: AbortSignal.timeout(10) }));
    expect((timedOut as Error).name).toBe('TimeoutError');
    expect(isAbortError(timedOut)).toBe(true);
  });

  it('follows the cause chain and rejects other errors', () => {
    const abort = new DOMException('stopped', 'AbortError');
    expect(isAbortError(abort)).toBe(true);
    expect(isAbortError(new Error('outer', { cause: new Error('mid', { cause: abort }) }))).toBe(true);
    expect(isAbortError(new undiciErrors.RequestAbortedError())).toBe(true);
    expect(isAbortError(new Error('boom'))).toBe(false);
    expect(isAbortError(systemError('ECONNRESET', 'read'))).toBe(false);
    expect(isAbortError(undefined)).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
  });
});
