/**
 * The package under test, loaded from its build (`dist/`, as users get it: `npm run bench`
 * builds first), typed from the sources so that type-checking never depends on a build.
 */
import type * as Engine from '../src/engine/createEngine.js';
import type * as Package from '../src/index.js';
import type * as Options from '../src/options/resolveOptions.js';

const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;

/** `zim-resilience`, built. */
export const pkg: typeof Package = await import(dist('index.js'));

/** The engine behind every door (internal): its `context.limiters.size` counts live limiters. */
export const { createEngine }: typeof Engine = await import(dist('engine/createEngine.js'));

/** Option resolution (internal), to build an engine by hand. */
export const { resolveOptions }: typeof Options = await import(dist('options/resolveOptions.js'));
