import { didYouMean } from '../core/didYouMean.js';

/**
 * The access points of the ZIM server API, by region name, as ZEGO's "Accessing Server APIs" page
 * lists them (and `servers` in spec/zim-api.json): the `region` option picks one. ZEGO asks callers
 * to use the one of the region their server is in; `unified` is the one that serves every region.
 * @public
 */
export const ZIM_REGIONS = Object.freeze({
  /** Any region: ZEGO's unified access point. */
  unified: 'https://zim-api.zego.im',
  /** Mainland China (Shanghai). */
  sha: 'https://zim-api-sha.zego.im',
  /** Hong Kong, Macau and Taiwan (Hong Kong). */
  hkg: 'https://zim-api-hkg.zego.im',
  /** Europe (Frankfurt). */
  fra: 'https://zim-api-fra.zego.im',
  /** Western United States (California). */
  lax: 'https://zim-api-lax.zego.im',
  /** Asia-Pacific (Mumbai). */
  bom: 'https://zim-api-bom.zego.im',
  /** Southeast Asia (Singapore). */
  sgp: 'https://zim-api-sgp.zego.im',
} as const);

/** A name of {@link ZIM_REGIONS}: `'unified'`, `'sha'`, `'hkg'`, `'fra'`, `'lax'`, `'bom'` or `'sgp'`. @public */
export type ZimRegion = keyof typeof ZIM_REGIONS;

/**
 * The origin of `region` (the `region` option); anything else is a `TypeError` with "did you mean".
 * @internal
 */
export function regionUrl(region: unknown): string {
  if (typeof region === 'string' && Object.hasOwn(ZIM_REGIONS, region))
    return ZIM_REGIONS[region as ZimRegion];
  const names = Object.keys(ZIM_REGIONS);
  const guess = typeof region === 'string' ? didYouMean(region, names) : undefined;
  throw new TypeError(
    `expected region to be one of ${names.join(', ')}, got ${JSON.stringify(region) ?? String(region)}` +
      (guess ? `: did you mean ${guess}?` : ''),
  );
}
