import { createServer as createHttpServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { errors as undiciErrors } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLS_CERT_CODES } from '../src/codes/classifyTransportError.js';
import { classifyTransportError, describeTransportError, ZimTransportError } from '../src/index.js';
import { type MockZimServer, startMockZimServer } from '../src/mock/index.js';
import { selfSignedCert } from './helpers/selfSignedCert.js';
import { QUERY, SEND, threeDoors } from './helpers/threeDoors.js';
import { startTlsFront, type TlsFront } from './helpers/tlsFront.js';
import { sleep, waitFor } from './helpers/waitFor.js';

/** A Node-style system error. */
function systemError(code: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${String(fields['syscall'] ?? 'op')} ${code}`), { code, ...fields });
}

const TRUST_FIX = /NODE_EXTRA_CA_CERTS=.*connect: \{ ca \}/;

describe('describeTransportError', () => {
  it.each(TLS_CERT_CODES)(
    'tells %s: a certificate refused, fatal, nothing written, the fix named',
    (code) => {
      const failure = describeTransportError(new TypeError('fetch failed', { cause: systemError(code) }));
      expect(failure).toMatchObject({ kind: 'tls-certificate', code, written: 'no', fatal: true });
      expect(failure.summary).toContain(`(${code})`);
      expect(failure.hint).toMatch(
        code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID' ? /clock/ : TRUST_FIX,
      );
      expect(classifyTransportError(systemError(code))).toEqual({ phase: 'before-write', code });
    },
  );

  it.each<[string, unknown, string, 'no' | 'yes' | 'unknown', string]>([
    [
      'a DNS failure',
      systemError('ENOTFOUND', { syscall: 'getaddrinfo', hostname: 'no-such-host.invalid' }),
      'dns',
      'no',
      'could not resolve no-such-host.invalid (ENOTFOUND)',
    ],
    [
      'a DNS server that did not answer',
      systemError('EAI_AGAIN', { syscall: 'getaddrinfo', hostname: 'api.example' }),
      'dns',
      'no',
      'could not resolve api.example: the DNS server did not answer in time (EAI_AGAIN)',
    ],
    [
      'a refused connection',
      systemError('ECONNREFUSED', { syscall: 'connect', address: '127.0.0.1', port: 1 }),
      'refused',
      'no',
      'connection refused by 127.0.0.1:1 (ECONNREFUSED)',
    ],
    [
      "Node's happy-eyeballs AggregateError",
      Object.assign(
        new AggregateError([
          systemError('ECONNREFUSED', { syscall: 'connect', address: '::1', port: 80 }),
          systemError('ECONNREFUSED', { syscall: 'connect', address: '127.0.0.1', port: 80 }),
        ]),
        { code: 'ECONNREFUSED' },
      ),
      'refused',
      'no',
      'connection refused by [::1]:80 and 127.0.0.1:80 (ECONNREFUSED)',
    ],
    [
      'an unreachable host',
      systemError('EHOSTUNREACH', { syscall: 'connect', address: '10.0.0.9', port: 443 }),
      'unreachable',
      'no',
      '10.0.0.9:443 is unreachable from here (EHOSTUNREACH)',
    ],
    [
      "undici's connect timeout",
      new undiciErrors.ConnectTimeoutError(),
      'connect-timeout',
      'no',
      'could not connect to the server in time (UND_ERR_CONNECT_TIMEOUT)',
    ],
    [
      'a reset while connecting',
      systemError('ECONNRESET', { syscall: 'connect', address: '127.0.0.1', port: 443 }),
      'connect-failed',
      'no',
      "the connection to 127.0.0.1:443 was reset while it was being set up (TCP, TLS or a proxy's tunnel) (ECONNRESET)",
    ],
    [
      'a socket closed before TLS was established',
      Object.assign(
        new Error('Client network socket disconnected before secure TLS connection was established'),
        { code: 'ECONNRESET', host: 'api.example', port: 443 },
      ),
      'connect-failed',
      'no',
      'the connection to api.example:443 was closed before TLS was established (ECONNRESET)',
    ],
    [
      "fetch's bad port",
      new TypeError('fetch failed', { cause: new Error('bad port') }),
      'blocked-port',
      'no',
      'fetch will not connect to this port (a "bad port" of the Fetch standard)',
    ],
    [
      'a reset',
      systemError('ECONNRESET', { syscall: 'read' }),
      'reset',
      'yes',
      'the connection was reset (ECONNRESET)',
    ],
    [
      'the other side closing',
      new undiciErrors.SocketError('other side closed'),
      'closed',
      'yes',
      'the server closed the connection without an answer (UND_ERR_SOCKET)',
    ],
    [
      'a headers timeout',
      new undiciErrors.HeadersTimeoutError(),
      'timeout',
      'yes',
      'Headers Timeout Error (UND_ERR_HEADERS_TIMEOUT)',
    ],
    ['an unknown error', new Error('boom'), 'unknown', 'unknown', 'boom'],
    ['an unknown code', systemError('ESOMETHING'), 'unknown', 'unknown', 'op ESOMETHING (ESOMETHING)'],
    ['not an error', 'ECONNREFUSED', 'unknown', 'unknown', 'the transport failed'],
  ])('tells %s', (_, err, kind, written, summary) => {
    const failure = describeTransportError(err);
    expect(failure).toMatchObject({ kind, written, summary });
    expect(classifyTransportError(err).phase).toBe(written === 'no' ? 'before-write' : 'after-write');
  });

  it('does not tell an ERR_SSL_ code undici saw in no connect as a handshake failure: it may have come after the write', () => {
    const late = describeTransportError(systemError('ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC'));
    expect(late).toMatchObject({ kind: 'unknown', written: 'unknown', fatal: false });
  });
});

function listen(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)));
}
const close = (server: { close(cb: () => void): unknown }) =>
  new Promise<void>((r) => server.close(() => r()));

describe.each(['createZimClient', 'resilientFetch', 'zimInterceptor'] as const)(
  '%s: a transport error told truly',
  (name) => {
    let mock: MockZimServer;
    let front: TlsFront;
    let refusedUrl: string;
    const servers: { close(cb: () => void): unknown }[] = [];

    beforeAll(async () => {
      mock = await startMockZimServer({ users: ['u1', 'u2'] });
      front = await startTlsFront(mock.url, selfSignedCert());
      const gone = createHttpServer();
      refusedUrl = `http://127.0.0.1:${await listen(gone)}`;
      await close(gone); // nothing listens there now
    });
    afterAll(async () => {
      await Promise.all(servers.map(close));
      await front.close();
      await mock.close();
    });

    /** The error of one call through this test's door, with the door closed after. */
    async function failed(baseUrl: string, action: string, params: object): Promise<ZimTransportError> {
      const door = threeDoors({ baseUrl, appId: mock.appId, serverSecret: mock.serverSecret }).find(
        (d) => d.name === name,
      )!;
      try {
        const error = await door.call(action, params).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ZimTransportError);
        return error as ZimTransportError;
      } finally {
        await door.close();
      }
    }

    it.each([
      ['SendPeerMessage', SEND],
      ['QueryUserInfos', QUERY],
    ])('a self-signed certificate: %s is tried once, nothing sent, the fix named', async (action, params) => {
      const before = front.refusals;
      const error = await failed(front.url, action, params);
      expect(error).toMatchObject({ attempts: 1, mayHaveCommitted: false });
      expect(error.failure).toMatchObject({ kind: 'tls-certificate', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(error.message).toMatch(
        new RegExp(
          `^${action} failed after 1 attempt: the server's TLS certificate is not trusted: self-signed certificate[^(]*\\(DEPTH_ZERO_SELF_SIGNED_CERT\\); nothing was sent \\(not retried: a retry would meet the same failure\\)\\. To fix: `,
        ),
      );
      expect(error.message).toMatch(TRUST_FIX);
      await waitFor(() => front.refusals > before); // the server hears of the refusal a little later
      await sleep(50);
      expect(front.refusals - before).toBe(1); // one handshake seen at the server, refused by the client
      expect(front.handshakes).toBe(0);
      expect(mock.stats()[action]!.arrivals).toBe(0);
    });

    it('a DNS failure names the host; nothing was sent, so even a send is retried', async () => {
      const error = await failed('http://no-such-host.invalid', 'SendPeerMessage', SEND);
      expect(error).toMatchObject({ attempts: 5, mayHaveCommitted: false });
      expect(error.message).toMatch(
        /^SendPeerMessage failed after 5 attempts: could not resolve no-such-host\.invalid(: the DNS server did not answer in time)? \((ENOTFOUND|EAI_AGAIN)\); nothing was sent \(retries spent: retry\.maxAttempts reached\)/,
      );
    });

    it('a refused connection names the address', async () => {
      const error = await failed(refusedUrl, 'SendPeerMessage', SEND);
      expect(error).toMatchObject({ attempts: 5, mayHaveCommitted: false });
      expect(error.message).toBe(
        `SendPeerMessage failed after 5 attempts: connection refused by ${new URL(refusedUrl).host} (ECONNREFUSED); nothing was sent (retries spent: retry.maxAttempts reached)`,
      );
    });

    it('a server that closes the connection before the TLS handshake: nothing was written, a send is retried', async () => {
      let connections = 0;
      const closer = createNetServer((socket) => {
        connections++;
        socket.destroy();
      });
      servers.push(closer);
      const port = await listen(closer);
      const error = await failed(`https://127.0.0.1:${port}`, 'SendPeerMessage', SEND);
      expect(error).toMatchObject({ attempts: 5, mayHaveCommitted: false });
      expect(error.failure).toMatchObject({ kind: 'connect-failed', code: 'ECONNRESET', written: 'no' });
      expect(error.message).toContain(
        `the connection to 127.0.0.1:${port} was closed before TLS was established`,
      );
      expect(connections).toBe(5);
    });

    it('a server that resets the connection in the TLS handshake: read ECONNRESET, yet undici saw it in its connect, so nothing was written', async () => {
      let connections = 0;
      const resetter = createNetServer((socket) => {
        connections++;
        socket.once('data', () => socket.resetAndDestroy()); // after the ClientHello
      });
      servers.push(resetter);
      const port = await listen(resetter);
      const error = await failed(`https://127.0.0.1:${port}`, 'SendPeerMessage', SEND);
      expect(error).toMatchObject({ attempts: 5, mayHaveCommitted: false });
      expect(error.failure).toMatchObject({ kind: 'connect-failed', code: 'ECONNRESET', written: 'no' });
      expect(error.message).toContain('was reset while it was being set up');
      expect(connections).toBe(5);
    });

    it('https:// to a port that speaks plain HTTP: one attempt, the fix named', async () => {
      const error = await failed(mock.url.replace('http:', 'https:'), 'QueryUserInfos', QUERY);
      expect(error).toMatchObject({ attempts: 1, mayHaveCommitted: false });
      expect(error.failure).toMatchObject({
        kind: 'tls-handshake',
        code: 'ERR_SSL_WRONG_VERSION_NUMBER',
        fatal: true,
      });
      expect(error.message).toMatch(
        /the TLS handshake failed: wrong version number \(ERR_SSL_WRONG_VERSION_NUMBER\); nothing was sent .*plain HTTP/,
      );
    });

    it('a reset once the request was written says so, and a send is not resent', async () => {
      mock.script('SendPeerMessage', ['resetAfterCommit']);
      const error = await failed(mock.url, 'SendPeerMessage', SEND);
      expect(error).toMatchObject({ attempts: 1, mayHaveCommitted: true });
      expect(error.failure.written).toBe('yes');
      expect(error.message).toMatch(
        /^SendPeerMessage failed after 1 attempt: .*; the request was written, so the call may have been committed \(not retried: the action is not idempotent\)$/,
      );
    });
  },
);

describe('resilientFetch(fetch) to a port fetch will not use', () => {
  it('is one attempt, nothing sent, and says why', async () => {
    const [, door] = threeDoors({ baseUrl: 'http://127.0.0.1:1', appId: 1, serverSecret: 'x'.repeat(32) });
    try {
      const error = await door!.call('QueryUserInfos', QUERY).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ZimTransportError', attempts: 1, mayHaveCommitted: false });
      expect((error as Error).message).toMatch(/fetch will not connect to this port \(a "bad port"/);
    } finally {
      await door!.close();
    }
  });
});
