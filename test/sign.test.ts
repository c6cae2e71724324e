import { describe, expect, it } from 'vitest';
import { computeSignature, signRequest } from '../src/sign/signRequest.js';
import { computeCallbackSignature, verifyCallbackSignature } from '../src/sign/verifyCallbackSignature.js';

describe('signRequest', () => {
  it('matches the documented test vector', () => {
    expect(computeSignature(12345, '4fd24687296dd9f3', '9193cc662a4c0ec135ec71fb57194b38', 1615186943)).toBe(
      '43e5cfcca828314675f91b001390566a',
    );
    const p = signRequest({
      appId: 12345,
      serverSecret: '9193cc662a4c0ec135ec71fb57194b38',
      nonce: '4fd24687296dd9f3',
      timestamp: 1615186943,
    });
    expect(p).toEqual({
      AppId: '12345',
      SignatureNonce: '4fd24687296dd9f3',
      Timestamp: '1615186943',
      SignatureVersion: '2.0',
      Signature: '43e5cfcca828314675f91b001390566a',
    });
  });

  it('uses a fresh 16-hex nonce and the current time by default', () => {
    const a = signRequest({ appId: 1, serverSecret: 's' });
    const b = signRequest({ appId: 1, serverSecret: 's' });
    expect(a.SignatureNonce).toMatch(/^[0-9a-f]{16}$/);
    expect(a.SignatureNonce).not.toBe(b.SignatureNonce);
    expect(Math.abs(Number(a.Timestamp) - Date.now() / 1000)).toBeLessThan(5);
  });
});

describe('verifyCallbackSignature', () => {
  const vector = { nonce: 123412, timestamp: 1470820198, callbackSecret: 'secret' };
  const now = 1470820198 * 1000;

  it('matches the documented callback vector', () => {
    expect(computeCallbackSignature('secret', 1470820198, 123412)).toBe(
      '5bd59fd62953a8059fb7eaba95720f66d19e4517',
    );
    expect(
      verifyCallbackSignature({ ...vector, signature: '5bd59fd62953a8059fb7eaba95720f66d19e4517', now }),
    ).toBe(true);
  });

  it('rejects a wrong signature, of any length', () => {
    expect(
      verifyCallbackSignature({ ...vector, signature: '5bd59fd62953a8059fb7eaba95720f66d19e4518', now }),
    ).toBe(false);
    expect(verifyCallbackSignature({ ...vector, signature: 'short', now })).toBe(false);
  });

  it('rejects a replayed old callback, and one from the future', () => {
    const signature = '5bd59fd62953a8059fb7eaba95720f66d19e4517';
    expect(verifyCallbackSignature({ ...vector, signature, now: now + 301_000 })).toBe(false);
    expect(verifyCallbackSignature({ ...vector, signature, now: now - 301_000 })).toBe(false);
    expect(verifyCallbackSignature({ ...vector, signature, now: now + 299_000 })).toBe(true);
    expect(verifyCallbackSignature({ ...vector, signature, now: now + 10_000, maxAgeSeconds: 5 })).toBe(
      false,
    );
  });

  it('names a bad maxAgeSeconds', () => {
    expect(() => verifyCallbackSignature({ ...vector, signature: 'x', maxAgeSeconds: -1 })).toThrow(
      /maxAgeSeconds/,
    );
  });
});
