import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALLBACK_SPECS, dedupeKeyOf, parseCallbackBody } from '../src/callbacks/index.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('generated from spec/callbacks.json', () => {
  it('has the 18 events, each with its page', () => {
    const spec = JSON.parse(read('../spec/callbacks.json')) as { events: Record<string, { page: string }> };
    expect(Object.keys(CALLBACK_SPECS).sort()).toEqual(
      [
        'user_action',
        'send_msg',
        'before_send_msg',
        'bot_msg',
        'call_create',
        'call_cancel',
        'call_accept',
        'call_reject',
        'call_timeout',
        'call_invite',
        'group_create',
        'group_destroy',
        'group_join',
        'group_exit',
        'room_create',
        'room_destroy',
        'room_enter',
        'room_exit',
      ].sort(),
    );
    for (const e of Object.values(spec.events)) expect(e.page).toMatch(/^callbacks\//);
  });
});

describe('parseCallbackBody', () => {
  it('reads JSON as it is, never URL-decoding it', () => {
    expect(parseCallbackBody('{"event":"send_msg","msg_body":"%7B 100%"}')).toEqual({
      event: 'send_msg',
      msg_body: '%7B 100%',
    });
  });

  it('reads URL-encoded JSON (a + is a space, as PHP urldecode reads it)', () => {
    expect(parseCallbackBody(encodeURIComponent('{"event":"x","a":"b c"}').replace('%20', '+'))).toEqual({
      event: 'x',
      a: 'b c',
    });
  });

  it('reads form fields, typing the documented integers and lists of the event', () => {
    expect(
      parseCallbackBody(
        'event=call_create&call_id=c1&timeout=30&user_ids=%5B%22a%22%2C%22b%22%5D&create_time=17',
      ),
    ).toEqual({ event: 'call_create', call_id: 'c1', timeout: 30, user_ids: ['a', 'b'], create_time: 17 });
    expect(parseCallbackBody('event=call_timeout&call_id=c1&user_ids[]=a&user_ids[]=b')).toEqual({
      event: 'call_timeout',
      call_id: 'c1',
      user_ids: ['a', 'b'],
    });
    // The sample's string timestamp stays as sent (the signature is over that text).
    expect(parseCallbackBody('{"event":"group_destroy","timestamp":"1499676978"}')).toMatchObject({
      timestamp: '1499676978',
    });
  });

  it('is undefined for anything else', () => {
    for (const body of ['', 'hello', '[1,2]', '{"a":', '%7Bnot json', 'a=1&b=2'])
      expect(parseCallbackBody(body)).toBe(undefined);
  });
});

describe('dedupeKeyOf', () => {
  const delivery = { appid: '1', nonce: '1', timestamp: 1, signature: 's' };
  it('is the same for every delivery of one event, whatever the order of its fields', () => {
    const a = dedupeKeyOf({ ...delivery, event: 'call_accept', call_id: 'c', user_id: 'u', extend_data: '' });
    const b = dedupeKeyOf({
      extend_data: 'x',
      user_id: 'u',
      call_id: 'c',
      event: 'call_accept',
      nonce: '2',
      timestamp: 2,
    });
    expect(a).toBe(b);
    expect(dedupeKeyOf({ ...delivery, event: 'call_accept', call_id: 'c', user_id: 'v' })).not.toBe(a);
  });

  it('never merges two batch peer messages (empty msg_id): every field counts then', () => {
    const batch = (to: string) => ({
      ...delivery,
      event: 'send_msg',
      from_user_id: 'a',
      conv_type: 0,
      conv_id: '',
      msg_id: '',
      user_list: [{ user_id: to }],
    });
    expect(dedupeKeyOf(batch('b'))).not.toBe(dedupeKeyOf(batch('c')));
    expect(dedupeKeyOf(batch('b'))).toBe(dedupeKeyOf({ ...batch('b'), nonce: '9' }));
  });
});
