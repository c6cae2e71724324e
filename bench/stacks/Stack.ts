import type { LimitsOption, RetryOptions } from '../../src/index.js';
import type { Target } from '../MockProcess.js';

/** One way of calling a ZIM action, as the bench compares them. */
export interface Stack {
  readonly name: string;
  /** Calls the stack's action; resolves on `Code: 0`, rejects otherwise. */
  call(params: Readonly<Record<string, unknown>>): Promise<void>;
  close(): Promise<void>;
}

/** What every stack is built from. Bare stacks ignore `limits` and `retry`; all send POST JSON. */
export interface StackOptions {
  readonly target: Target;
  readonly action: string;
  readonly limits?: LimitsOption;
  readonly retry?: RetryOptions;
}

/** Builds a stack. */
export type StackFactory = (options: StackOptions) => Stack;
