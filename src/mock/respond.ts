import { type ServerResponse, STATUS_CODES } from 'node:http';

/** Extra headers of one answer. */
export type Headers = Readonly<Record<string, string>>;

/** Writes one answer with a `Date` header from the server clock (so a client can learn the offset). */
export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  serverNowMs: number,
  headers: Headers = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  const payload = Buffer.from(body, 'utf8');
  res.statusCode = status;
  res.setHeader('Date', new Date(serverNowMs).toUTCString());
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', payload.length);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(payload);
}

/** The JSON envelope of every ZIM answer: `Code`, `Message`, `RequestId`, then the action's fields. */
export function zimBody(
  code: number,
  message: string,
  requestId: string,
  fields: Readonly<Record<string, unknown>> = {},
): string {
  return JSON.stringify({ Code: code, Message: message, RequestId: requestId, ...fields });
}

/** An HTML error page, as an nginx proxy in front of the API sends. */
export function htmlErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** Ends the connection without an answer: the client sees a reset socket. */
export function resetSocket(res: ServerResponse): void {
  res.socket?.destroy();
  res.destroy();
}
