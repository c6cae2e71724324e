import type { MockScriptedAnswer } from './MockScriptedAnswer.js';

/** Scripted answers per action, consumed one per arrival in the order they were given. */
export class ScriptQueue {
  readonly #queues = new Map<string, MockScriptedAnswer[]>();

  push(action: string, answers: readonly MockScriptedAnswer[]): void {
    const queue = this.#queues.get(action) ?? [];
    queue.push(...answers);
    this.#queues.set(action, queue);
  }

  /** The next answer for `action`, if any is left. */
  take(action: string): MockScriptedAnswer | undefined {
    const queue = this.#queues.get(action);
    const answer = queue?.shift();
    if (queue !== undefined && queue.length === 0) this.#queues.delete(action);
    return answer;
  }

  /** How many answers are left for `action`. */
  remaining(action: string): number {
    return this.#queues.get(action)?.length ?? 0;
  }
}
