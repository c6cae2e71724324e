import { describe, expect, it } from 'vitest';
import {
  callbackTimestampMs,
  computeCallbackSignature,
  verifyCallbackSignature,
} from '../src/sign/verifyCallbackSignature.js';

const callbackSecret = 'secret';
const nonce = '123412';

describe('verifyCallbackSignature with either unit', () => {
  const nowMs = 1_700_000_000_123;
  const sign = (timestamp: string | number) => computeCallbackSignature(callbackSecret, timestamp, nonce);

  it('accepts a fresh timestamp in milliseconds, as a number and as a string', () => {
    for (const timestamp of [nowMs - 5_000, String(nowMs - 5_000)]) {
      expect(
        verifyCallbackSignature({ signature: sign(timestamp), timestamp, nonce, callbackSecret, now: nowMs }),
      ).toBe(true);
    }
  });

  it('accepts a fresh timestamp in seconds, as a number and as a string', () => {
    const s = Math.floor(nowMs / 1000) - 5;
    for (const timestamp of [s, String(s)]) {
      expect(
        verifyCallbackSignature({ signature: sign(timestamp), timestamp, nonce, callbackSecret, now: nowMs }),
      ).toBe(true);
    }
  });

  it('refuses one older than 300 s in either unit, and one from further than 300 s in the future', () => {
    for (const timestamp of [
      nowMs - 301_000,
      String(nowMs - 301_000),
      Math.floor(nowMs / 1000) - 301,
      nowMs + 301_000,
    ]) {
      expect(
        verifyCallbackSignature({ signature: sign(timestamp), timestamp, nonce, callbackSecret, now: nowMs }),
      ).toBe(false);
    }
  });

  it('signs the timestamp as sent: the string of a millisecond timestamp, not seconds', () => {
    const timestamp = String(nowMs);
    const wrong = sign(Math.floor(nowMs / 1000));
    expect(verifyCallbackSignature({ signature: wrong, timestamp, nonce, callbackSecret, now: nowMs })).toBe(
      false,
    );
  });

  it('infers the unit from the magnitude', () => {
    expect(callbackTimestampMs(1470820198)).toBe(1470820198000);
    expect(callbackTimestampMs('1470820198')).toBe(1470820198000);
    expect(callbackTimestampMs(1470820198123)).toBe(1470820198123);
    expect(callbackTimestampMs(' 1470820198123 ')).toBe(1470820198123);
    for (const bad of ['', 'abc', '1e12', -1, Number.NaN, null, undefined, {}])
      expect(callbackTimestampMs(bad)).toBe(undefined);
  });

  it('keeps the documented vector', () => {
    expect(computeCallbackSignature('secret', 1470820198, 123412)).toBe(
      '5bd59fd62953a8059fb7eaba95720f66d19e4517',
    );
  });
});
