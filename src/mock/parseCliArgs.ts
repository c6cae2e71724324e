import { parseArgs } from 'node:util';
import type {
  MockActionLimit,
  MockFaults,
  MockLimits,
  MockZimServerOptions,
} from './MockZimServerOptions.js';

/** The usage text of `zim-resilience-mock`. */
export const CLI_USAGE = `Usage: zim-resilience-mock [options]

Starts a local mock of the ZIM server API (signature checks, documented rate limits,
seeded faults). Prints the URL on the first line, then the AppId and the ServerSecret.
A client calls it with baseUrl: URL, which wins over its region option (region: 'sgp'
in production, the mock in tests, the same options otherwise).

Options:
  --port <n>                 port to listen on, 0 for any free one (default 0)
  --host <host>              interface to listen on (default 127.0.0.1)
  --app-id <n>               the AppId to accept (default 1234567890)
  --secret <hex>             the ServerSecret (default 0123456789abcdef0123456789abcdef)
  --faults <list>            e.g. busy=0.1,gateway=0.05,http503=0.01,resetBeforeAnswer=0.01,
                             resetAfterCommit=0.01,slow=0.1,slowMs=1500
  --fault-actions <list>     actions faults apply to, e.g. SendPeerMessage,UserRegister (default all)
  --limit <Action=n|off>     override one action's calls per second (repeatable)
  --app-limit-per-second <n> an app-wide limit over all actions, answered with Code 7
  --seed <n>                 seed of the fault PRNG (default 1)
  --clock-offset-ms <n>      server clock ahead (+) or behind (-) of real time (default 0)
  --latency-ms <n>           base delay before every answer (default 0)
  --lenient                  do not check parameters against the API documents (strict: false)
  --callback-url <url>       POST the callbacks state changes cause (send_msg, group_create, ...) here
  --callback-secret <s>      the secret they are signed with: the receiver's callbackSecret (required with --callback-url)
  --callback-time-scale <x>  multiply the redelivery delays (2, 4, 8, 16, 32 s) by x (default 1)
  --callback-timestamp-unit <s|ms>  the unit of the callbacks' timestamp (default s)
  --callback-before-send     ask before_send_msg before sendAsClient messages
  --no-admin                 do not serve the admin endpoint (GET /_mock/stats, /_mock/records,
                             /_mock/callbacks; POST /_mock/faults, /_mock/reset): on by default
  -h, --help                 show this help
`;

/** What the command line asks for. */
export type CliCommand =
  | { readonly help: true }
  | { readonly help: false; readonly options: MockZimServerOptions };

function number(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value))
    throw new TypeError(`expected ${flag} to be a number, got "${text}"`);
  return value;
}

function parseFaults(text: string): MockFaults {
  const faults: Record<string, number> = {};
  for (const pair of text.split(',').filter((p) => p.trim() !== '')) {
    const [key, value, extra] = pair.split('=').map((s) => s.trim());
    if (key === undefined || key === '' || value === undefined || extra !== undefined) {
      throw new TypeError(`expected --faults to be a list of name=value, got "${pair}"`);
    }
    faults[key] = number(`--faults ${key}`, value) as number;
  }
  return faults as MockFaults;
}

function parseLimits(entries: readonly string[]): MockLimits {
  const limits: Record<string, MockActionLimit | false> = {};
  for (const entry of entries) {
    const [action, value] = entry.split('=').map((s) => s.trim());
    if (action === undefined || action === '' || value === undefined) {
      throw new TypeError(`expected --limit to be Action=n or Action=off, got "${entry}"`);
    }
    limits[action] =
      value === 'off' || value === 'false' ? false : { perSecond: number(`--limit ${action}`, value) };
  }
  return limits;
}

/** `--clock-offset-ms -900000` as `--clock-offset-ms=-900000`: parseArgs takes a negative number for a flag. */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg.startsWith('--') && !arg.includes('=') && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Turns the command line into server options (the server validates them further). */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const { values } = parseArgs({
    args: joinNegativeNumbers(argv),
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'app-id': { type: 'string' },
      secret: { type: 'string' },
      faults: { type: 'string' },
      'fault-actions': { type: 'string' },
      limit: { type: 'string', multiple: true },
      'app-limit-per-second': { type: 'string' },
      seed: { type: 'string' },
      'clock-offset-ms': { type: 'string' },
      'latency-ms': { type: 'string' },
      lenient: { type: 'boolean' },
      'callback-url': { type: 'string' },
      'callback-secret': { type: 'string' },
      'callback-time-scale': { type: 'string' },
      'callback-timestamp-unit': { type: 'string' },
      'callback-before-send': { type: 'boolean' },
      'no-admin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return { help: true };
  let faults: MockFaults | undefined = values.faults === undefined ? undefined : parseFaults(values.faults);
  if (values['fault-actions'] !== undefined) {
    const actions = values['fault-actions']
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    faults = { ...faults, actions };
  }
  const options: MockZimServerOptions = {
    port: number('--port', values.port),
    host: values.host,
    appId: number('--app-id', values['app-id']),
    serverSecret: values.secret,
    faults,
    limits: values.limit === undefined ? undefined : parseLimits(values.limit),
    appLimitPerSecond: number('--app-limit-per-second', values['app-limit-per-second']),
    seed: number('--seed', values.seed),
    clockOffsetMs: number('--clock-offset-ms', values['clock-offset-ms']),
    latencyMs: number('--latency-ms', values['latency-ms']),
    ...(values.lenient === true && { strict: false }),
    callbackUrl: values['callback-url'],
    callbackSecret: values['callback-secret'],
    callbackTimeScale: number('--callback-time-scale', values['callback-time-scale']),
    callbackTimestampUnit: values['callback-timestamp-unit'] as 's' | 'ms' | undefined,
    ...(values['callback-before-send'] === true && { callbackBeforeSend: true }),
    admin: values['no-admin'] !== true,
  };
  return { help: false, options };
}
