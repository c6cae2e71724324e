import { describe, expect, expectTypeOf, it } from 'vitest';
import spec from '../spec/zim-api.json' with { type: 'json' };
import { createZimClient, ZIM_REGIONS, type ZimRegion, type ZimResilienceOptions } from '../src/index.js';
import { startMockZimServer } from '../src/mock/index.js';
import { resolveOptions } from '../src/options/resolveOptions.js';

const creds = { appId: 1, serverSecret: 'secret' };

describe('region (issue 31)', () => {
  it('the table holds the 7 hosts of the API documents, once each', () => {
    expect(Object.values(ZIM_REGIONS).sort()).toEqual([...spec.servers].sort());
    expect(Object.keys(ZIM_REGIONS)).toEqual(['unified', 'sha', 'hkg', 'fra', 'lax', 'bom', 'sgp']);
  });

  it.each(Object.entries(ZIM_REGIONS))('region %s calls %s', (region, host) => {
    expect(resolveOptions({ ...creds, region }).baseUrl.href).toBe(`${host}/`);
  });

  it('the default is the unified host', () => {
    expect(resolveOptions(creds).baseUrl.href).toBe('https://zim-api.zego.im/');
  });

  it('baseUrl wins over region', () => {
    expect(resolveOptions({ ...creds, region: 'sgp', baseUrl: 'http://127.0.0.1:9/' }).baseUrl.href).toBe(
      'http://127.0.0.1:9/',
    );
  });

  it.each([
    [
      'sgn',
      /expected region to be one of unified, sha, hkg, fra, lax, bom, sgp, got "sgn": did you mean sgp\?/,
    ],
    ['FRA', /got "FRA": did you mean fra\?/],
    ['singapore', /got "singapore"$/],
    [7, /got 7$/],
    [null, /got null$/],
  ])('an unknown region %j is a TypeError', (region, message) => {
    expect(() => resolveOptions({ ...creds, region })).toThrow(TypeError);
    expect(() => resolveOptions({ ...creds, region })).toThrow(message);
    // checked even where baseUrl wins, so the typo fails in tests against the mock too
    expect(() => resolveOptions({ ...creds, region, baseUrl: 'http://127.0.0.1:9' })).toThrow(TypeError);
  });

  it('is typed: a name of the table, and nothing else', () => {
    expectTypeOf<NonNullable<ZimResilienceOptions['region']>>().toEqualTypeOf<ZimRegion>();
    // @ts-expect-error not a region
    const bad: ZimResilienceOptions = { region: 'sgn' };
    expect(bad).toBeDefined();
  });

  it('a client set up for a region calls the mock when baseUrl is given (counted at the server)', async () => {
    const server = await startMockZimServer();
    const zim = createZimClient({
      appId: server.appId,
      serverSecret: server.serverSecret,
      region: 'sgp',
      baseUrl: server.url,
    });
    try {
      expect((await zim.call('CgiDescribeZIMAudioLicense')).Code).toBe(0);
      expect(server.stats().CgiDescribeZIMAudioLicense.arrivals).toBe(1);
    } finally {
      await zim.close();
      await server.close();
    }
  });
});
