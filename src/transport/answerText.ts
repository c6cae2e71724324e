import { decodeBody, encodingOf } from './decodeBody.js';

/** The body of an answer as the chain reads it. */
export interface AnswerText {
  readonly text: string;
  /** Larger than `maxBodyBytes`, on the wire or once decoded. */
  readonly truncated: boolean;
}

/**
 * The text of an answer body read up to `max` bytes (`truncated` when there was more), with its
 * `content-encoding` undone first, bounded by `max` again after decoding. An encoding that cannot
 * be undone leaves no text (the body is not ZIM JSON).
 */
export async function answerText(
  bytes: Buffer,
  truncated: boolean,
  contentEncoding: string | string[] | undefined | null,
  max: number,
): Promise<AnswerText> {
  const encoding = encodingOf(contentEncoding);
  if (truncated || encoding === undefined)
    return { text: truncated ? '' : bytes.toString('utf8'), truncated };
  const decoded = await decodeBody(bytes, encoding, max);
  return { text: decoded.bytes.toString('utf8'), truncated: decoded.truncated };
}
