import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createZimClient, isZimApiError } from '../src/index.js';
import { HANDLERS } from '../src/mock/handlers/runHandler.js';
import type { MockZimServer } from '../src/mock/index.js';
import { mockClient, trackServers, type ZimBody } from './helpers/mockRequest.js';
import { buildWorld, type Caller, type Schema, SPEC, VALID, WORLD_USERS } from './helpers/mockWorld.js';

const client = mockClient();
const start = trackServers();
const ACTIONS = Object.keys(SPEC.actions).sort();
/** Every limit off, on the server and in the client: these tests count answers, not rates. */
const NO_LIMITS = Object.fromEntries(ACTIONS.map((a) => [a, false as const]));
/** A signed call by the action's documented method (GET: parameters in the query). */
const call: Caller = (server, action, params) =>
  client.call(server, action, params, { method: SPEC.actions[action]?.method });

/**
 * Two slips of the documents, read as meant: `int32` (not a JSON Schema type) is an integer;
 * a `MsgBody` of `type: 'string'` with a `oneOf` of objects (QueryPeerMsg, QueryGroupMsg), which
 * nothing can satisfy, is a string (the objects describe media bodies).
 */
function normalize(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(normalize);
  if (schema === null || typeof schema !== 'object') return schema;
  const node = schema as Record<string, unknown>;
  const entries = Object.entries(node).filter(([k]) => !(k === 'oneOf' && node['type'] === 'string'));
  return Object.fromEntries(
    entries.map(([k, v]) => [k, k === 'type' && v === 'int32' ? 'integer' : normalize(v)]),
  );
}
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
const responseCheck = (action: string) => ajv.compile(normalize(SPEC.actions[action]!.response) as object);

async function world(): Promise<MockZimServer> {
  const server = await start({ users: WORLD_USERS, limits: NO_LIMITS });
  await buildWorld(server, call);
  return server;
}

describe('every documented action', () => {
  it('has valid parameters here for each of the 72 actions of the documents', () => {
    expect(ACTIONS).toHaveLength(72);
    expect(Object.keys(VALID).sort()).toEqual(ACTIONS);
    expect(Object.keys(HANDLERS).sort()).toEqual(ACTIONS); // a handler for each, none for anything else
  });

  it.each(ACTIONS)(
    '%s: Code 0 and a body of the documented shape, every documented field filled',
    async (action) => {
      const server = await world();
      const reply = await call(server, action, VALID[action]!);
      const body = reply.json<ZimBody>();
      expect(body.Code, reply.text).toBe(0);
      const check = responseCheck(action);
      expect(check(body), JSON.stringify(check.errors)).toBe(true);
      const documented = Object.keys(SPEC.actions[action]!.response.properties ?? {});
      expect(documented.filter((field) => !(field in body))).toEqual([]);
    },
  );

  it('refuses each action with one required parameter missing: 660000002 after exactly one attempt', async () => {
    const server = await start({ users: WORLD_USERS, limits: NO_LIMITS });
    const zim = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      baseUrl: server.url,
      limits: NO_LIMITS,
    });
    // The client's call is typed per action elsewhere; here any action with any parameters.
    const anyCall = zim.call as unknown as (
      action: string,
      params: Record<string, unknown>,
    ) => Promise<unknown>;
    let calls = 0;
    try {
      for (const action of ACTIONS) {
        for (const name of SPEC.actions[action]!.request.required ?? []) {
          const { [name]: _left, ...params } = VALID[action]!;
          calls++;
          const error = await anyCall(action, params).then(
            () => new Error(`${action} without ${name} was accepted`),
            (e: unknown) => e,
          );
          if (!isZimApiError(error)) throw error;
          expect({ action, code: error.code, attempts: error.attempts }).toEqual({
            action,
            code: 660000002,
            attempts: 1,
          });
          expect(error.serverMessage).toBe(`Invalid parameter: ${name} is missing (required)`);
        }
      }
    } finally {
      await zim.close();
    }
    const stats = server.stats();
    const arrivals = ACTIONS.reduce((n, a) => n + (stats[a]?.arrivals ?? 0), 0);
    expect(calls).toBeGreaterThan(150);
    expect(arrivals).toBe(calls);
  });

  it('refuses a too-long ID and an over-long list, naming the field and the rule', async () => {
    const server = await start({ users: WORLD_USERS, limits: NO_LIMITS });
    let ids = 0;
    let lists = 0;
    for (const action of ACTIONS) {
      const properties = SPEC.actions[action]!.request.properties ?? {};
      for (const [name, schema] of Object.entries(properties)) {
        const valid = VALID[action]!;
        if (schema.type === 'string' && schema.maxLength !== undefined) {
          const reply = await call(server, action, { ...valid, [name]: 'x'.repeat(schema.maxLength + 1) });
          expect({ action, name, text: reply.json<ZimBody>().Message }).toEqual({
            action,
            name,
            text: `Invalid parameter: ${name} must NOT have more than ${schema.maxLength} characters (maxLength: ${schema.maxLength})`,
          });
          expect(reply.code).toBe(660000002);
          ids++;
        }
        if (schema.type === 'array' && schema.maxItems !== undefined) {
          const item = itemFor(schema.items, valid[name]);
          if (item === undefined) continue;
          const long = Array.from({ length: schema.maxItems + 1 }, (_, i) =>
            typeof item === 'string' ? `u${i}` : item,
          );
          const reply = await call(server, action, { ...valid, [name]: long });
          expect({ action, name, code: reply.code, text: reply.json<ZimBody>().Message }).toEqual({
            action,
            name,
            code: 660000002,
            text: `Invalid parameter: ${name} must NOT have more than ${schema.maxItems} items (maxItems: ${schema.maxItems})`,
          });
          lists++;
        }
      }
    }
    expect(ids).toBeGreaterThan(50);
    expect(lists).toBeGreaterThan(20);
  });

  it('names nested fields and the broken rule, and answers strict: false servers anyway', async () => {
    const server = await start({ users: WORLD_USERS });
    const long = await call(server, 'UserRegister', {
      UserInfo: [{ UserId: 'x'.repeat(40), UserName: 'X' }],
    });
    expect(long.json<ZimBody>()).toMatchObject({
      Code: 660000002,
      Message: 'Invalid parameter: UserInfo[0].UserId must NOT have more than 32 characters (maxLength: 32)',
    });
    const priority = await call(server, 'SendPeerMessage', { ...VALID['SendPeerMessage'], Priority: 7 });
    expect(priority.json<ZimBody>().Message).toBe(
      'Invalid parameter: Priority must be equal to one of the allowed values (enum: 1, 2, 3)',
    );
    const type = await call(server, 'SendPeerMessage', { ...VALID['SendPeerMessage'], ToUserId: 'u1' });
    expect(type.json<ZimBody>().Message).toBe('Invalid parameter: ToUserId must be array (type: array)');
    expect(server.state.users.has('x'.repeat(40))).toBe(false);

    const lenient = await start({ users: WORLD_USERS, strict: false });
    const loose = await call(lenient, 'UserRegister', {
      UserInfo: [{ UserId: 'x'.repeat(40), UserName: 'X' }],
    });
    expect(loose.json<ZimBody>()).toMatchObject({ Code: 0, ErrorList: [{ SubCode: 660000012 }] });
    const noPriority = { FromUserId: 'u1', ToUserId: ['u2'], MessageType: 1, MessageBody: { Message: 'hi' } };
    expect((await call(lenient, 'SendPeerMessage', noPriority)).code).toBe(0);
  });
});

/** One valid item of a list: from the valid parameters, or made up for a string or number list. */
function itemFor(items: Schema | undefined, valid: unknown): unknown {
  if (Array.isArray(valid) && valid.length > 0) return valid[0];
  if (items?.type === 'string') return 'u1';
  if (items?.type === 'number') return 1;
  return undefined;
}
