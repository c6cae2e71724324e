/**
 * What the receiver answers, whatever door the request came through.
 *
 * @public
 */
export interface CallbackResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON text. */
  readonly body: string;
}

/**
 * What a door hands the receiver: the request's method and its body, read or already parsed.
 *
 * @public
 */
export interface CallbackRequest {
  /** @default 'POST' */
  readonly method?: string;
  /** The body text, or the object a framework already parsed (express.json(), fastify). */
  readonly body: string | Readonly<Record<string, unknown>> | undefined;
  /** The body was larger than maxBodyBytes (it was not read further). */
  readonly tooLarge?: boolean;
}

/** A JSON answer. */
export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): CallbackResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}
