import { classifyTransportError } from '../codes/classifyTransportError.js';
import type { Outcome } from './Outcome.js';

/**
 * A short reason for events and summaries: `code 1`, `HTTP 503`, `ECONNRESET`. Never a secret.
 * @internal
 */
export function reasonOf(outcome: Outcome): string {
  if (outcome.code !== undefined) return `code ${outcome.code}`;
  if (outcome.response)
    return `HTTP ${outcome.response.status}${outcome.response.status < 300 ? ' (unreadable body)' : ''}`;
  return classifyTransportError(outcome.error).code ?? 'transport error';
}
