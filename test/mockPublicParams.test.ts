import { describe, expect, it } from 'vitest';
import { MOCK_DEFAULTS, type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { mockClient, signedQuery, trackServers, type ZimBody } from './helpers/mockRequest.js';

const client = mockClient();
const start = trackServers();
/** POSTs `{}` with `query`; the status, the Date header and the body. */
async function send(server: MockZimServer, query: Record<string, string>, path = '/') {
  const reply = await client.send(server, query, { path });
  return { status: reply.status, date: String(reply.headers['date']), body: reply.json<ZimBody>() };
}
const without = (query: Record<string, string>, name: string) => {
  const copy = { ...query };
  delete copy[name];
  return copy;
};

describe('public parameters', () => {
  it('accepts a correctly signed call, with a Date header from the server clock', async () => {
    const server = await start();
    const { status, date, body } = await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ Code: 0, Message: 'success' });
    expect(body.RequestId).toMatch(/\S/);
    expect(Math.abs(Date.parse(date) - Date.now())).toBeLessThan(5000);
  });

  it('answers every check with its code, in the documented order', async () => {
    const server = await start();
    const q = signedQuery(server, 'SendPeerMessage');
    const ts = Math.floor(Date.now() / 1000);
    const cases: [string, Record<string, string>, number][] = [
      ['missing Action', without(q, 'Action'), 100000006],
      ['empty Action', { ...q, Action: '' }, 100000006],
      ['unknown Action', { ...q, Action: 'SendPigeon' }, 100000007],
      ['missing AppId', without(q, 'AppId'), 100000001],
      ['AppId not digits', { ...q, AppId: '12ab' }, 100000001],
      ['another app', { ...q, AppId: '42' }, 100000001],
      ['missing Timestamp', without(q, 'Timestamp'), 100000002],
      ['Timestamp not an integer', { ...q, Timestamp: '1700000000.5' }, 100000003],
      ['Timestamp 610 s old', signedQuery(server, 'SendPeerMessage', ts - 610), 100000004],
      ['Timestamp 610 s ahead', signedQuery(server, 'SendPeerMessage', ts + 610), 100000004],
      ['missing SignatureNonce', without(q, 'SignatureNonce'), 100000008],
      ['missing Signature', without(q, 'Signature'), 100000009],
      ['unsupported SignatureVersion', { ...q, SignatureVersion: '1.0' }, 100000014],
      ['wrong Signature', { ...q, Signature: 'f'.repeat(32) }, 100000005],
      ['signature of another nonce', { ...q, SignatureNonce: '0000000000000000' }, 100000005],
      ['upper-case Signature', { ...q, Signature: String(q['Signature']).toUpperCase() }, 100000005],
      // Order: the first failing check wins.
      ['no AppId and no Timestamp', without(without(q, 'AppId'), 'Timestamp'), 100000001],
      ['no Timestamp and no Signature', without(without(q, 'Timestamp'), 'Signature'), 100000002],
      [
        'expired and unsigned',
        without(signedQuery(server, 'SendPeerMessage', ts - 3600), 'Signature'),
        100000004,
      ],
      ['no nonce and no signature', without(without(q, 'SignatureNonce'), 'Signature'), 100000008],
    ];
    for (const [name, query, code] of cases) {
      const { status, body } = await send(server, query);
      expect({ name, status, code: body.Code }).toEqual({ name, status: 200, code });
    }
    expect(server.state.messages).toHaveLength(0);
  });

  it('accepts a Timestamp within 600 s either way, and no SignatureVersion at all', async () => {
    const server = await start();
    const ts = Math.floor(Date.now() / 1000);
    expect((await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense', ts - 590))).body.Code).toBe(
      0,
    );
    expect((await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense', ts + 590))).body.Code).toBe(
      0,
    );
    expect(
      (await send(server, without(signedQuery(server, 'CgiDescribeZIMAudioLicense'), 'SignatureVersion')))
        .body.Code,
    ).toBe(0);
  });

  it('accepts any path', async () => {
    const server = await start();
    expect(
      (await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense'), '/v2/anything')).body.Code,
    ).toBe(0);
  });

  it('counts refused calls as arrivals of their action, not as admitted', async () => {
    const server = await start();
    await send(server, { ...signedQuery(server, 'CgiDescribeZIMAudioLicense'), Signature: '0'.repeat(32) });
    const stats = server.stats().CgiDescribeZIMAudioLicense;
    expect(stats).toMatchObject({
      arrivals: 1,
      admitted: 0,
      accepted: 0,
      rejected: 0,
      codes: { '100000005': 1 },
    });
  });
});

describe('clock offset', () => {
  const FIFTEEN_MIN = 15 * 60 * 1000;

  it('refuses a client on real time when the server is 15 min ahead, until it corrects by the Date header', async () => {
    const server = await start({ clockOffsetMs: FIFTEEN_MIN });
    const first = await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense'));
    expect(first.body.Code).toBe(100000004);
    const offsetMs = Date.parse(first.date) - Date.now();
    expect(offsetMs).toBeGreaterThan(FIFTEEN_MIN - 5000);
    expect(offsetMs).toBeLessThan(FIFTEEN_MIN + 5000);
    const corrected = Math.floor((Date.now() + offsetMs) / 1000);
    expect((await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense', corrected))).body.Code).toBe(
      0,
    );
  });

  it('can be moved at runtime (server behind)', async () => {
    const server = await start();
    expect((await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense'))).body.Code).toBe(0);
    server.setClockOffset(-FIFTEEN_MIN);
    expect(server.clockOffsetMs).toBe(-FIFTEEN_MIN);
    const refused = await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense'));
    expect(refused.body.Code).toBe(100000004);
    const offsetMs = Date.parse(refused.date) - Date.now();
    expect(offsetMs).toBeLessThan(-FIFTEEN_MIN + 5000);
    const corrected = Math.floor((Date.now() + offsetMs) / 1000);
    expect((await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense', corrected))).body.Code).toBe(
      0,
    );
    expect(() => server.setClockOffset(Number.NaN)).toThrow(TypeError);
  });

  it('follows the injected clock', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const server = await start({ now: () => clock });
    const ts = Math.floor(clock / 1000);
    const answer = await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense', ts));
    expect(answer.body.Code).toBe(0);
    expect(answer.date).toBe('Tue, 01 Jan 2030 00:00:00 GMT');
    clock += 600_999; // 600 s in whole seconds: still accepted
    expect((await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense', ts))).body.Code).toBe(0);
    clock += 1; // 601 s
    expect((await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense', ts))).body.Code).toBe(
      100000004,
    );
  });
});

describe('options', () => {
  it('has documented defaults', async () => {
    const server = await start();
    expect(server.appId).toBe(MOCK_DEFAULTS.appId);
    expect(server.serverSecret).toBe(MOCK_DEFAULTS.serverSecret);
    expect(server.serverSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(MOCK_DEFAULTS).toMatchObject({
      port: 0,
      clockOffsetMs: 0,
      seed: 1,
      latencyMs: 0,
      appLimitPerSecond: false,
    });
  });

  it('takes a given AppId and secret', async () => {
    const server = await start({ appId: 42, serverSecret: 'abc' });
    expect((await send(server, signedQuery(server, 'CgiDescribeZIMAudioLicense'))).body.Code).toBe(0);
  });

  it.each([
    [{ appId: -1 }, /appId.*-1/],
    [{ appId: 2 ** 32 }, /appId.*4294967296/],
    [{ port: 70000 }, /port.*70000/],
    [{ host: '' }, /host.*got an empty string/],
    [{ clockOffsetMs: Number.POSITIVE_INFINITY }, /clockOffsetMs.*Infinity/],
    [{ seed: 1.5 }, /seed.*1\.5/],
    [{ latencyMs: -5 }, /latencyMs.*-5/],
    [{ now: 'today' }, /now.*"today"/],
    [{ appLimitPerSecond: 0 }, /appLimitPerSecond.*0/],
    [{ faults: { busy: 2 } }, /faults\.busy.*2/],
    [{ faults: { busy: 0.6, gateway: 0.6 } }, /sum of faults.*1\.2/],
    [{ faults: { slowMs: -1 } }, /faults\.slowMs.*-1/],
    [{ faults: { actions: 'SendPeerMessage' } }, /faults\.actions.*"SendPeerMessage"/],
    [{ faults: { bussy: 0.1 } }, /unknown option faults\.bussy: did you mean faults\.busy\?/],
    [{ limits: { SendPeerMessage: { perSecond: 0 } } }, /limits\.SendPeerMessage\.perSecond.*0/],
    [{ limits: { SendPeerMessage: { scope: 'planet' } } }, /limits\.SendPeerMessage\.scope.*"planet"/],
    [{ limits: { MyAction: {} } }, /limits\.MyAction\.perSecond.*not documented/],
    [{ limits: { SendPeerMessage: 20 } }, /limits\.SendPeerMessage.*20/],
    [{ retries: 3 }, /unknown option retries/],
  ])('refuses %o with a TypeError naming it', async (options, message) => {
    const started = startMockZimServer(options as never);
    await expect(started).rejects.toThrow(TypeError);
    await expect(started).rejects.toThrow(message);
  });

  it('never echoes the secret', async () => {
    const started = startMockZimServer({ serverSecret: 987654321 as never });
    await expect(started).rejects.toThrow(/serverSecret.*a number/);
    await expect(started).rejects.not.toThrow(/987654321/);
  });

  it('says an empty or blank secret is one (issue 33)', async () => {
    await expect(startMockZimServer({ serverSecret: '' })).rejects.toThrow(
      'expected serverSecret to be a non-empty string, got an empty string',
    );
    await expect(
      startMockZimServer({ callbackUrl: 'http://127.0.0.1:1/', callbackSecret: '' }),
    ).rejects.toThrow('expected callbackSecret to be a non-empty string, got an empty string');
  });
});
