const NULL_BODY = new Set([101, 204, 205, 304]);

/** `Response` as runtimes have it now (`bytes()` is newer than the DOM types). */
type AnyResponse = Response & { bytes?(): Promise<Uint8Array> };

const unusable = () => new TypeError('Body is unusable: Body has already been read');

/**
 * A still-readable copy of `res` with the body already read; `url` and `redirected` kept. `fetch`
 * has decoded the body: its `content-encoding` (and the length on the wire) no longer describe it.
 */
function rebuilt(res: Response, bytes: Buffer | undefined): Response {
  const body = bytes === undefined || NULL_BODY.has(res.status) ? null : bytes;
  let { headers } = res;
  if (headers.has('content-encoding')) {
    headers = new Headers(headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  return keepUrl(new Response(body, { status: res.status, statusText: res.statusText, headers }), res);
}

function keepUrl(copy: Response, of: Response): Response {
  return Object.defineProperties(copy, {
    url: { value: of.url },
    redirected: { value: of.redirected },
  });
}

/** The bytes as a fresh `ArrayBuffer` of their own (the caller may keep or transfer it). */
const ownBuffer = (bytes: Buffer): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** What a handed-back `Response` keeps of its body. */
interface HeldBody {
  readonly res: Response;
  readonly bytes: Buffer;
  /** The body as the chain parsed it (to classify it), if it did: what `json()` gives, not parsed again. */
  readonly parsed: unknown;
  /** Read by one of the members below (not through the copy). */
  used: boolean;
  /** The copy that serves the body once a stream (or a blob, a form, a clone) of it is asked for. */
  copy: Response | undefined;
}

const HELD = Symbol('zim-resilience.heldBody');
type Holder = AnyResponse & { readonly [HELD]: HeldBody };

/** As `fetch`'s `text()` decodes: UTF-8 (a bad sequence as U+FFFD), a leading BOM dropped. */
const utf8 = (bytes: Buffer): string =>
  bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    ? bytes.toString('utf8', 3)
    : bytes.toString('utf8');

/**
 * The copy serving the body, made at the first member that needs a stream. After a read, its
 * stream is an empty one, locked, as the stream of a body read is.
 */
function copyOf(held: HeldBody): Response {
  if (held.copy === undefined) {
    held.copy = rebuilt(held.res, held.used ? Buffer.alloc(0) : held.bytes);
    if (held.used) held.copy.body?.getReader();
  }
  return held.copy;
}

type ReadName = 'text' | 'json' | 'arrayBuffer' | 'bytes';
function read<T>(name: ReadName, convert: (held: HeldBody) => T): PropertyDescriptor {
  return {
    async value(this: Holder): Promise<T> {
      const held = this[HELD];
      if (held.used) throw unusable();
      if (held.copy) return (held.copy as AnyResponse)[name]!() as Promise<T>;
      held.used = true;
      return convert(held);
    },
    configurable: true,
    writable: true,
  };
}

function fromCopy(name: 'blob' | 'formData'): PropertyDescriptor {
  return {
    async value(this: Holder): Promise<unknown> {
      const held = this[HELD];
      if (held.used) throw unusable();
      return copyOf(held)[name]();
    },
    configurable: true,
    writable: true,
  };
}

/** The body members of a handed-back `Response`: its own body, served from the bytes read. */
const MEMBERS: PropertyDescriptorMap = {
  body: {
    get(this: Holder) {
      return copyOf(this[HELD]).body;
    },
    configurable: true,
  },
  bodyUsed: {
    get(this: Holder) {
      const held = this[HELD];
      return held.used || (held.copy?.bodyUsed ?? false);
    },
    configurable: true,
  },
  text: read('text', (held) => utf8(held.bytes)),
  json: read('json', (held) => held.parsed ?? JSON.parse(utf8(held.bytes))),
  arrayBuffer: read('arrayBuffer', (held) => ownBuffer(held.bytes)),
  bytes: read('bytes', (held) => new Uint8Array(ownBuffer(held.bytes))),
  blob: fromCopy('blob'),
  formData: fromCopy('formData'),
  clone: {
    value(this: Holder): Response {
      const held = this[HELD];
      if (held.used) throw new TypeError('Response.clone: Body has already been consumed.');
      if (held.copy) return keepUrl(held.copy.clone(), held.res);
      return rebuilt(held.res, held.bytes);
    },
    configurable: true,
    writable: true,
  },
};

/** Per class of `Response` (the global one, undici's, a polyfill's): its prototype with {@link MEMBERS} over it. */
const prototypes = new WeakMap<object, object>();

function heldPrototype(res: Response): object {
  const of = Object.getPrototypeOf(res) as object;
  let proto = prototypes.get(of);
  if (proto === undefined) {
    const members = { ...MEMBERS };
    if (!('bytes' in of)) delete members.bytes; // a runtime without `bytes()` gets none
    proto = Object.create(of, members) as object;
    prototypes.set(of, proto);
  }
  return proto;
}

/**
 * The `Response` the caller of `resilientFetch` gets for the final attempt `res`, whose body the
 * chain has read (`bytes`, which `fetch` has decoded).
 *
 * Mostly it is `res` itself: its status, headers, `url`, `redirected` and class are all as `fetch`
 * made them, and its body members (`body`, `bodyUsed`, `text`, `json`, `arrayBuffer`, `bytes`,
 * `blob`, `formData`, `clone`) are served from `bytes` (a prototype between `res` and its class's
 * holds them): read once, as any body (a second read rejects with a `TypeError`). A body read as
 * a stream, as a blob or a form, or cloned gets a copy `Response` made then (most callers read
 * `json()` or `text()`, and a `Response` with a body costs a stream). An answer with no body is
 * handed back untouched; one that `fetch` decoded (its `content-encoding` no longer true) or
 * whose status has no body is handed back as a copy with the headers that describe it. `parsed`
 * is the body as the chain parsed it from these bytes, if it did: `json()` gives it.
 */
export function handedBack(res: Response, bytes: Buffer | undefined, parsed?: unknown): Response {
  if (bytes === undefined) return res; // no body: nothing of it was read
  if (NULL_BODY.has(res.status) || res.headers.has('content-encoding') || !Object.isExtensible(res))
    return rebuilt(res, bytes);
  const held: HeldBody = { res, bytes, parsed, used: false, copy: undefined };
  Object.defineProperty(res, HELD, { value: held });
  return Object.setPrototypeOf(res, heldPrototype(res)) as Response;
}
