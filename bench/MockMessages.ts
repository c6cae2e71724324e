import type { MockFaults, MockZimServerOptions } from '../src/mock/index.js';

/** What the bench asks of its mock-server process. */
export type MockRequest = { readonly seq: number } & (
  | { readonly op: 'start'; readonly options: MockZimServerOptions }
  | { readonly op: 'stats'; readonly id: number; readonly action: string }
  | { readonly op: 'resetStats'; readonly id: number }
  | { readonly op: 'setFaults'; readonly id: number; readonly faults: MockFaults }
  | { readonly op: 'close'; readonly id: number }
);

/** The answer to one `MockRequest`. */
export type MockResponse =
  | { readonly seq: number; readonly ok: true; readonly result: unknown }
  | { readonly seq: number; readonly ok: false; readonly error: string };
