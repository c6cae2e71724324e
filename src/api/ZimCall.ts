import type { ZimBody } from '../core/Outcome.js';
import type { ZimApi } from '../generated/ZimApi.js';

/**
 * The parameters of `action`: from the official documents for a documented action, anything for
 * one declared in `customActions`.
 *
 * @public
 */
export type ZimParams<A extends string> = A extends keyof ZimApi
  ? ZimApi[A]['params']
  : Readonly<Record<string, unknown>>;

/**
 * The body of a `Code: 0` answer to `action`: its documented fields only (reading another is a
 * compile error); for a custom action, any field.
 *
 * @public
 */
export type ZimAnswer<A extends string> = A extends keyof ZimApi ? ZimApi[A]['response'] : ZimBody;

/**
 * The keys of `T` that are not optional.
 *
 * @public
 */
export type RequiredKeys<T> = {
  [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? never : K;
}[keyof T];

/**
 * Whether an object type has a required key (an index signature has none).
 *
 * @public
 */
export type HasRequired<T> = string extends keyof T
  ? false
  : [RequiredKeys<T>] extends [never]
    ? false
    : true;

/**
 * The arguments after the action: `params` may be left out when the action requires none.
 *
 * @public
 */
export type ZimCallArgs<A extends string, O> =
  HasRequired<ZimParams<A>> extends true
    ? [params: ZimParams<A>, options?: O]
    : [params?: ZimParams<A>, options?: O];
