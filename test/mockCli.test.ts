import { spawn } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/mock/parseCliArgs.js';
import { runCli } from '../src/mock/runCli.js';
import { mockClient } from './helpers/mockRequest.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const client = mockClient();
/** A signed POST to the server at `url`; its body. */
async function call(
  url: string,
  appId: number,
  secret: string,
  action: string,
  params?: Record<string, unknown>,
) {
  return (await client.call({ url, appId, serverSecret: secret }, action, params)).json<{ Code: number }>();
}

describe('parseCliArgs', () => {
  it('turns flags into options', () => {
    const command = parseCliArgs([
      '--port',
      '8080',
      '--host',
      '0.0.0.0',
      '--app-id',
      '42',
      '--secret',
      'abc',
      '--faults',
      'busy=0.1,gateway=0.05,slowMs=500',
      '--fault-actions',
      'SendPeerMessage,UserRegister',
      '--limit',
      'QueryAppGroupList=5',
      '--limit',
      'CallInvite=off',
      '--seed',
      '9',
      '--clock-offset-ms',
      '-900000',
      '--latency-ms',
      '10',
      '--app-limit-per-second',
      '50',
    ]);
    expect(command).toEqual({
      help: false,
      options: {
        port: 8080,
        host: '0.0.0.0',
        appId: 42,
        serverSecret: 'abc',
        faults: { busy: 0.1, gateway: 0.05, slowMs: 500, actions: ['SendPeerMessage', 'UserRegister'] },
        limits: { QueryAppGroupList: { perSecond: 5 }, CallInvite: false },
        appLimitPerSecond: 50,
        seed: 9,
        clockOffsetMs: -900000,
        latencyMs: 10,
        admin: true, // the CLI serves the admin endpoint unless --no-admin
      },
    });
    const off = parseCliArgs(['--no-admin']);
    expect(off.help === false && off.options.admin).toBe(false);
  });

  it('knows --help and refuses unknown or malformed flags', () => {
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
    expect(parseCliArgs(['-h'])).toEqual({ help: true });
    expect(() => parseCliArgs(['--prot', '1'])).toThrow(/prot/);
    expect(() => parseCliArgs(['--port', 'eighty'])).toThrow(/--port.*eighty/);
    expect(() => parseCliArgs(['--faults', 'busy'])).toThrow(/--faults/);
    expect(() => parseCliArgs(['--limit', 'CallInvite'])).toThrow(/--limit/);
  });

  it('turns the parameter check off with --lenient', () => {
    expect(parseCliArgs(['--lenient'])).toMatchObject({ help: false, options: { strict: false } });
    expect(parseCliArgs([])).not.toMatchObject({ options: { strict: false } });
  });
});

describe('runCli', () => {
  const io = () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    stdout.on('data', (c: Buffer) => out.push(c.toString()));
    stderr.on('data', (c: Buffer) => err.push(c.toString()));
    const signals = new EventEmitter();
    return { stdout, stderr, signals: signals as never as NodeJS.Process, out, err, emitter: signals };
  };

  it('prints the usage for --help', async () => {
    const streams = io();
    expect(await runCli(['--help'], streams)).toEqual({ exitCode: 0 });
    expect(streams.out.join('')).toContain('Usage: zim-resilience-mock');
  });

  it('exits with 2 and the reason for a bad option', async () => {
    const streams = io();
    expect(await runCli(['--faults', 'busy=3'], streams)).toEqual({ exitCode: 2 });
    expect(streams.err.join('')).toMatch(/faults\.busy.*3/);
  });

  it('starts a server, prints its URL first, and stops on SIGTERM', async () => {
    const streams = io();
    const result = await runCli(['--port', '0', '--app-id', '77', '--secret', 'cafe'], streams);
    if (!('server' in result)) throw new Error('expected a running server');
    const [firstLine, ...rest] = streams.out.join('').split('\n');
    expect(firstLine).toBe(result.server.url);
    expect(rest.join('\n')).toContain('AppId: 77');
    expect(rest.join('\n')).toContain('ServerSecret: cafe');
    expect(rest.join('\n')).toContain(`{ baseUrl: '${result.server.url}' } (baseUrl wins over region)`);
    expect((await call(result.server.url, 77, 'cafe', 'CgiDescribeZIMAudioLicense')).Code).toBe(0);
    streams.emitter.emit('SIGTERM', 'SIGTERM');
    await result.stopped;
    await expect(call(result.server.url, 77, 'cafe', 'CgiDescribeZIMAudioLicense')).rejects.toThrow();
  });
});

describe('runCli with callbacks', () => {
  it('--callback-url / --callback-secret / --callback-time-scale: a state change is POSTed there, signed, redelivered; the secret is not printed', async () => {
    const { createServer } = await import('node:http');
    const { verifyCallbackSignature } = await import('../src/sign/verifyCallbackSignature.js');
    const bodies: Record<string, unknown>[] = [];
    const receiver = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => {
        text += c.toString();
      });
      req.on('end', () => {
        bodies.push(JSON.parse(text) as Record<string, unknown>);
        res.statusCode = bodies.length === 1 ? 503 : 200;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/zim`;
    const out: string[] = [];
    const stdout = new PassThrough();
    stdout.on('data', (c: Buffer) => out.push(c.toString()));
    const signals = new EventEmitter();
    const result = await runCli(
      [
        '--callback-url',
        url,
        '--callback-secret',
        'cli-cb-secret',
        '--callback-time-scale',
        '0.001',
        '--secret',
        'cafe',
      ],
      { stdout, stderr: new PassThrough(), signals: signals as never as NodeJS.Process },
    );
    if (!('server' in result)) throw new Error('expected a running server');
    await call(result.server.url, result.server.appId, 'cafe', 'UserRegister', {
      UserInfo: [{ UserId: 'ann', UserName: 'Ann' }],
    });
    await call(result.server.url, result.server.appId, 'cafe', 'CreateRoom', {
      RoomId: 'r',
      FromUserId: 'ann',
    });
    await result.server.callbacksSettled();
    expect(bodies.map((b) => b['event'])).toEqual(['room_create', 'room_create']);
    const last = bodies[1] as { signature: string; timestamp: number; nonce: string };
    expect(verifyCallbackSignature({ ...last, callbackSecret: 'cli-cb-secret' })).toBe(true);
    expect(out.join('')).toContain(`Callbacks: POST ${url}`);
    expect(out.join('')).not.toContain('cli-cb-secret');
    signals.emit('SIGTERM', 'SIGTERM');
    await result.stopped;
    await new Promise((r) => receiver.close(r));
  });
});

describe('zim-resilience-mock (a real process)', () => {
  it('serves until SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/mock/cli.ts',
        '--port',
        '0',
        '--app-id',
        '42',
        '--secret',
        's3cr3t',
        '--faults',
        'busy=0',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const stderr: string[] = [];
    child.stderr.on('data', (c: Buffer) => stderr.push(c.toString()));
    try {
      const lines = createInterface({ input: child.stdout });
      const [url] = (await once(lines, 'line')) as [string];
      expect(url, stderr.join('')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const body = await call(url, 42, 's3cr3t', 'UserRegister', {
        UserInfo: [{ UserId: 'u1', UserName: 'Ann' }],
      });
      expect(body.Code).toBe(0);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
      expect({ code, signal }).toEqual({ code: 0, signal: null });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('can be imported without starting anything', async () => {
    await import('../src/mock/cli.js');
  });
});
