import { describe, expect, it } from 'vitest';
import { decideFault, NO_FAULT } from '../src/mock/faults.js';
import { MOCK_DEFAULTS } from '../src/mock/MockZimServerOptions.js';
import { maxInAnyWindow } from '../src/mock/maxInAnyWindow.js';
import { SlidingWindow } from '../src/mock/SlidingWindow.js';
import { seededRandom } from '../src/mock/seededRandom.js';

describe('SlidingWindow', () => {
  it('admits at most `limit` in any window and frees a slot exactly windowMs later', () => {
    const w = new SlidingWindow(1000, 3);
    expect([w.tryTake(0), w.tryTake(0), w.tryTake(0), w.tryTake(0)]).toEqual([true, true, true, false]);
    expect(w.tryTake(999)).toBe(false);
    expect(w.used(999)).toBe(3);
    // The window that ends at 1000 is (0, 1000]: the three arrivals at 0 are out.
    expect(w.used(1000)).toBe(0);
    expect(w.tryTake(1000)).toBe(true);
  });

  it('consumes nothing for a refused arrival', () => {
    const w = new SlidingWindow(1000, 1);
    expect(w.tryTake(0)).toBe(true);
    for (let t = 1; t < 1000; t += 100) expect(w.tryTake(t)).toBe(false);
    expect(w.used(999)).toBe(1);
    expect(w.tryTake(1000)).toBe(true);
  });

  it('weighs arrivals by units', () => {
    const w = new SlidingWindow(1000, 20);
    expect(w.tryTake(0, 15)).toBe(true);
    expect(w.tryTake(1, 6)).toBe(false);
    expect(w.tryTake(2, 5)).toBe(true);
    expect(w.tryTake(3, 1)).toBe(false);
    expect(w.used(3)).toBe(20);
    expect(w.tryTake(1000, 15)).toBe(true);
    expect(w.used(1002)).toBe(15);
  });

  it('treats a time earlier than the last one taken as the last one', () => {
    const w = new SlidingWindow(1000, 1);
    w.take(5000);
    expect(w.canTake(4500)).toBe(false);
    expect(w.used(100)).toBe(1);
    expect(w.canTake(6000)).toBe(true);
  });

  it('rejects a bad window', () => {
    expect(() => new SlidingWindow(0, 1)).toThrow(TypeError);
    expect(() => new SlidingWindow(1000, -1)).toThrow(TypeError);
  });

  it('never lets more than the limit into any window, and refuses only when full (10,000 random arrivals)', () => {
    const random = seededRandom(99);
    const w = new SlidingWindow(1000, 20);
    const admitted: number[] = [];
    let t = 0;
    for (let i = 0; i < 10_000; i++) {
      t += Math.floor(random() * 120);
      const before = w.used(t);
      if (w.tryTake(t)) admitted.push(t);
      else expect(before).toBe(20);
    }
    expect(maxInAnyWindow(admitted, 1000)).toBe(20);
  });
});

describe('maxInAnyWindow', () => {
  it('counts arrivals in (t - windowMs, t]', () => {
    expect(maxInAnyWindow([])).toBe(0);
    expect(maxInAnyWindow([0, 1000])).toBe(1);
    expect(maxInAnyWindow([0, 999])).toBe(2);
    const five = (t: number) => [t, t, t, t, t];
    expect(maxInAnyWindow([...five(0), ...five(500), ...five(999), ...five(1000), ...five(1499)])).toBe(20);
  });

  it('accepts unsorted input and weights', () => {
    expect(maxInAnyWindow([1500, 0, 600], 1000, [1, 15, 5])).toBe(20);
    expect(maxInAnyWindow([1500, 0, 600], 1000)).toBe(2);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(seqA);
    expect(Array.from({ length: 100 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('decideFault', () => {
  const faults = { ...MOCK_DEFAULTS.faults, busy: 0.25, gateway: 0.25, slow: 0.5 };

  it('draws the kinds with their probabilities', () => {
    const random = seededRandom(5);
    const counts = { busy: 0, gateway: 0, none: 0, slow: 0 };
    for (let i = 0; i < 4000; i++) {
      const d = decideFault(random, faults, 'SendPeerMessage');
      if (d.kind === 'busy') counts.busy++;
      else if (d.kind === 'gateway') counts.gateway++;
      else counts.none++;
      if (d.slow) counts.slow++;
    }
    expect(counts.busy / 4000).toBeCloseTo(0.25, 1);
    expect(counts.gateway / 4000).toBeCloseTo(0.25, 1);
    expect(counts.slow / 4000).toBeCloseTo(0.5, 1);
  });

  it('draws exactly two numbers per eligible arrival, none for the others', () => {
    let draws = 0;
    const random = () => {
      draws++;
      return 0.99;
    };
    decideFault(random, MOCK_DEFAULTS.faults, 'A');
    expect(draws).toBe(2);
    expect(decideFault(random, { ...faults, actions: ['B'] }, 'A')).toBe(NO_FAULT);
    expect(draws).toBe(2);
  });
});
