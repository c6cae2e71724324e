import { Agent } from 'undici';

/**
 * Whether `import 'undici'` gave the real undici, with dispatchers that can send: Bun answers it
 * with a stand-in of its own whose `Agent` has neither `dispatch` nor `request`. Feature-detected,
 * not told by the runtime's name. The client sends through `fetch` where it is false.
 */
export function undiciIsReal(agent: unknown = Agent): boolean {
  const proto = (agent as { prototype?: { dispatch?: unknown; request?: unknown } } | undefined)?.prototype;
  return typeof proto?.dispatch === 'function' && typeof proto.request === 'function';
}
