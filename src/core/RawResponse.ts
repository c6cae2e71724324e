/**
 * One HTTP answer as the chain sees it: status, headers, and the body buffered up to a bound.
 * @public
 */
export interface RawResponse {
  readonly status: number;
  /** A header by lower-case name. */
  header(name: string): string | undefined;
  /** The body as text, at most `maxBodyBytes` of it. */
  readonly text: string;
  /** True when the body was longer than `maxBodyBytes` and was cut. */
  readonly truncated: boolean;
  /**
   * The ZIM `Code` read from the first bytes of a final answer the door streamed to its caller as
   * it arrived: the answer is classified by it, its body is not parsed.
   */
  readonly leadingCode?: number | undefined;
  /** What the door needs to hand the answer back to its caller (a `Response`, undici handler data, ...). */
  readonly raw?: unknown;
}
