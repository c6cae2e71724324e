/** The `msg_body` of a callback: the text of a ZIM MessageBody (`Message`), else its JSON. */
export function msgBodyOf(body: unknown): string {
  if (typeof body === 'string') return body;
  if (typeof body === 'object' && body !== null) {
    const message = (body as Record<string, unknown>)['Message'];
    if (typeof message === 'string') return message;
  }
  return JSON.stringify(body ?? '');
}

/** The `payload` of a callback: the MessageBody's `ExtendedData`, or ''. */
export function payloadOf(body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const extended = (body as Record<string, unknown>)['ExtendedData'];
    if (typeof extended === 'string') return extended;
  }
  return '';
}
