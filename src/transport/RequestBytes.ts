/** A request body read once, to be sent again as is by every attempt. */
export interface RequestBytes {
  /** The body: a string as given, else its bytes; undefined for none. */
  readonly body: string | Uint8Array | undefined;
  /** The content type the body implies (a Blob's type, a form's), for a door to add when the caller set none. */
  readonly contentType: string | undefined;
}
