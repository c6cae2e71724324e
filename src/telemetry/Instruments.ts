import type { Counter, Histogram, Meter, ObservableResult } from '@opentelemetry/api';
import type { ClusterEvent } from '../events/ZimEvents.js';

/** The bucket boundaries the HTTP semantic conventions advise for `http.client.request.duration` (seconds). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** Every instrument of one client, taken from one meter (names, units and attributes: docs/telemetry.md). */
export class Instruments {
  readonly requestDuration: Histogram;
  readonly callDuration: Histogram;
  readonly throttleWait: Histogram;
  readonly retries: Counter;
  readonly rateLimited: Counter;
  readonly overloads: Counter;

  /**
   * `queued()` is read at each collection (calls waiting per action): an observable counter, so a
   * call that waits costs a map update, not two measurements.
   */
  constructor(
    meter: Meter,
    cluster: () => ClusterEvent | undefined,
    queued: () => ReadonlyMap<string, number>,
    rates: () => ReadonlyMap<string, number>,
  ) {
    const advice = { explicitBucketBoundaries: DURATION_BUCKETS };
    this.requestDuration = meter.createHistogram('http.client.request.duration', {
      description: 'Duration of HTTP client requests: each attempt of a ZIM call.',
      unit: 's',
      advice,
    });
    this.callDuration = meter.createHistogram('zim.client.call.duration', {
      description:
        'Duration of a ZIM call, from the call to its outcome: queue, attempts and waits between them.',
      unit: 's',
      advice,
    });
    this.throttleWait = meter.createHistogram('zim.client.throttle.wait', {
      description: "Time a call waited for a slot of its action's limiter.",
      unit: 's',
      advice,
    });
    this.retries = meter.createCounter('zim.client.retries', {
      description: 'Attempts sent again after a failed one: backoff retries and re-signs.',
      unit: '{retry}',
    });
    this.rateLimited = meter.createCounter('zim.client.rate_limited', {
      description: 'Answers of the server that refused an attempt for going too fast.',
      unit: '{refusal}',
    });
    this.overloads = meter.createCounter('zim.client.overload', {
      description:
        'Calls refused before they were sent: their first slot could not come within maxQueueWaitMs.',
      unit: '{call}',
    });
    meter
      .createObservableGauge('zim.client.throttle.rate', {
        description:
          'Calls per second a limiter grants, as learned from rate-limited answers (the configured limit once recovered).',
        unit: '{call}/s',
      })
      .addCallback((result: ObservableResult) => {
        for (const [action, perSecond] of rates()) result.observe(perSecond, { 'zim.action': action });
      });
    meter
      .createObservableUpDownCounter('zim.client.queue', {
        description: 'Calls waiting for their first slot.',
        unit: '{call}',
      })
      .addCallback((result: ObservableResult) => {
        for (const [action, n] of queued()) result.observe(n, { 'zim.action': action });
      });
    meter
      .createObservableGauge('zim.client.cluster.state', {
        description:
          'Where the limits are kept: 1 shared through Redis, 0 a local share while Redis cannot be reached.',
        unit: '1',
      })
      .addCallback((result: ObservableResult) => {
        const last = cluster();
        if (last) result.observe(last.state === 'shared' ? 1 : 0, { 'zim.cluster.reason': last.reason });
      });
  }
}
