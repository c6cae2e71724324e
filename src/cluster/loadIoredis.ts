import type { Redis, RedisOptions } from 'ioredis';
import { ZimError } from '../errors/ZimError.js';

/** The ioredis client class, as this package uses it. */
export type RedisClass = new (url: string, options: RedisOptions) => Redis;

/**
 * The module name, held in a variable so that bundlers (esbuild, webpack, Rollup) leave the
 * import to run time instead of failing to resolve an optional peer that is not installed.
 */
const IOREDIS = 'ioredis';

/**
 * Loads ioredis, an optional peer dependency, only when the `redis` option is set. Without it,
 * a ZimError that names the package and how to install it (the import error as its `cause`).
 */
export async function loadIoredis(
  importer: () => Promise<unknown> = () => import(IOREDIS),
): Promise<RedisClass> {
  try {
    const mod = (await importer()) as unknown as { Redis?: RedisClass; default?: RedisClass };
    const Redis = mod.Redis ?? mod.default;
    if (typeof Redis !== 'function') throw new TypeError('ioredis exports no Redis class');
    return Redis;
  } catch (cause) {
    throw new ZimError(
      'the redis option needs the ioredis package (an optional peer dependency), which could not be loaded: npm install ioredis',
      { cause },
    );
  }
}
