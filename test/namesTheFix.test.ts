// Errors that name the fix (issue 33): a wrong option says what it got in words where an echo could
// mislead (an empty string), never a secret; a misspelt name gets a suggestion by the words of the
// name (Msg/Message, Conv/Conversation, Infos/Info, onRetry/retry) as well as by its letters.
import { describe, expect, it } from 'vitest';
import { createCallbackReceiver } from '../src/callbacks/index.js';
import { describeKind, describeValue } from '../src/core/describeValue.js';
import { didYouMean } from '../src/core/didYouMean.js';
import { ZIM_ACTIONS } from '../src/generated/actions.js';
import { createZimClient } from '../src/index.js';
import { startMockZimServer } from '../src/mock/index.js';

const ACTIONS = Object.keys(ZIM_ACTIONS);
const creds = { appId: 1, serverSecret: 's'.repeat(32) };

describe('did you mean, by the words of a name', () => {
  it.each([
    ['SendPeerMsg', 'SendPeerMessage'],
    ['sendPeerMessage', 'SendPeerMessage'],
    ['QueryGroupMessage', 'QueryGroupMsg'],
    ['DeleteConversation', 'DeleteConv'],
    ['QueryConvList', 'QueryConversationList'],
    ['QueryGroupInfos', 'QueryGroupInfo'],
    ['QueryUserInfo', 'QueryUserInfos'],
    ['ModifyGroupAttr', 'ModifyGroupAttribute'],
    ['AddUsersToBlocklist', 'AddUsersToBlacklist'],
    ['PeerMessageSend', 'SendPeerMessage'],
    ['UserRegistr', 'UserRegister'],
  ])('%s -> %s', (name, meant) => {
    expect(didYouMean(name, ACTIONS)).toBe(meant);
  });

  it('suggests nothing for a name that means nothing close', () => {
    expect(didYouMean('Frobnicate', ACTIONS)).toBeUndefined();
    expect(didYouMean('SendMsg', ACTIONS)).toBeUndefined(); // which send?
  });

  it('for an action the client is called with, in plain JavaScript', async () => {
    const zim = createZimClient(creds);
    const untyped = zim.call as (action: string, params?: object) => Promise<unknown>;
    await expect(untyped('SendPeerMsg', {})).rejects.toThrow(
      'expected action to name a documented ZIM action, got "SendPeerMsg": did you mean SendPeerMessage?',
    );
    await zim.close();
  });

  it('for options, hook names and the callback events', () => {
    expect(() => createZimClient({ ...creds, retyr: {} } as never)).toThrow(
      'unknown option retyr: did you mean retry?',
    );
    expect(() => createZimClient({ ...creds, retry: { maxDelay: 5 } } as never)).toThrow(
      'unknown option retry.maxDelay: did you mean retry.maxDelayMs?',
    );
    expect(() => createZimClient({ ...creds, hooks: { onRetry: () => {} } } as never)).toThrow(
      'unknown option hooks.onRetry: did you mean hooks.retry?',
    );
    expect(() => createZimClient({ ...creds, limits: { SendPeerMsg: { perSecond: 5 } } } as never)).toThrow(
      /got "SendPeerMsg": did you mean SendPeerMessage\?/,
    );
    const receiver = { callbackSecret: 'x' };
    expect(() => createCallbackReceiver({ ...receiver, on: { sendMsg: () => {} } } as never)).toThrow(
      /^unknown event on\.sendMsg: did you mean on\.send_msg\?/,
    );
    expect(() => createCallbackReceiver({ ...receiver, on: {}, dedupeTtl: 5 } as never)).toThrow(
      'unknown option dedupeTtl: did you mean dedupeTtlMs?',
    );
  });

  it('for the mock options', async () => {
    await expect(startMockZimServer({ callbackURL: 'x' } as never)).rejects.toThrow(
      /^unknown option callbackURL: did you mean callbackUrl\?/,
    );
  });
});

describe('what an option got, said so it cannot be misread', () => {
  it('describes values: an empty string in words, numbers as themselves, JSON for data', () => {
    expect(describeValue('')).toBe('an empty string');
    expect(describeValue('  ')).toBe('a blank string ("  ")');
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue([])).toBe('an empty array');
    expect(describeValue({ a: [1, Number.POSITIVE_INFINITY] })).toBe('{"a":[1,"Infinity"]}');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(new (class Pool {})())).toBe('an instance of Pool');
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(describeValue(circular)).toBe('an object that JSON cannot show');
    expect(describeValue('y'.repeat(500))).toHaveLength(120);
    expect([describeKind(''), describeKind('secret'), describeKind(7), describeKind(null)]).toEqual([
      'an empty string',
      'a string',
      'a number',
      'null',
    ]);
  });

  it('an empty secret says it got an empty string, in every door and the receiver, never the value', async () => {
    expect(() => createZimClient({ appId: 1, serverSecret: '' })).toThrow(
      'expected serverSecret to be a non-empty string or a function, got an empty string',
    );
    expect(() => createCallbackReceiver({ callbackSecret: '', on: {} })).toThrow(
      /^expected callbackSecret to be a non-empty string \(the ServerSecret of your project\), got an empty string$/,
    );
    expect(() => createCallbackReceiver({ callbackSecret: 1234 as never, on: {} })).toThrow(/got a number$/);
    await expect(startMockZimServer({ serverSecret: '' })).rejects.toThrow(
      'expected serverSecret to be a non-empty string, got an empty string',
    );
  });

  it('a receiver option echoes what it got, and a Redis URL never its host or password', () => {
    const on = {};
    expect(() => createCallbackReceiver({ callbackSecret: 'x', on, maxAgeSeconds: '300' as never })).toThrow(
      'expected maxAgeSeconds to be a positive number, got "300"',
    );
    expect(() => createCallbackReceiver({ callbackSecret: 'x', on: [] as never })).toThrow(
      'expected on to be an object of handlers, got an empty array',
    );
    const leaky = 'http://user:hunter2@redis.internal:6379';
    const error = (() => {
      try {
        createCallbackReceiver({ callbackSecret: 'x', on, redis: { url: leaky } });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toBe(
      'expected redis.url to be a redis:// or rediss:// URL, got a URL of another scheme (http:)',
    );
  });
});
