// Load at a fixed arrival rate (open loop) and at full speed (closed loop), built on the npm package
// `autocannon`, against the real server.
//
// How autocannon's rate limit relates to a true open loop. A true open loop sends each request at
// its own arrival time whatever happened to the earlier ones. autocannon instead gives every
// connection a budget per second (`overallRate` divided over the connections): at each one-second
// tick a connection sends its budget one request after another, each waiting for the previous
// answer, then idles until the next tick. Two things follow:
// - If a connection's budget is more than one, its later requests wait on earlier answers: a slow
//   answer delays the next arrival, and the latency the slow server should be charged with is
//   never measured (coordinated omission). So we use one connection per request per second
//   (`connections` = `rate` unless told otherwise): every request leaves at its tick whatever the
//   answers before it did, as long as an answer takes under a second. When answers take longer,
//   the next request waits and fewer requests go out than asked: that shows as `achievedRps` below
//   `targetRate`, which the report prints beside every figure so a shortfall is visible.
// - All connections of one autocannon instance tick together, so the arrivals of a second would
//   come as one burst. We spread them: the load runs as `slots` instances started 1000/slots ms
//   apart, so arrivals come in `slots` small bursts spread evenly over each second.
// autocannon's own correction for coordinated omission (`recordValueWithExpectedInterval` with an
// interval of ceil(1 / rate) = 1 ms) adds made-up samples to its histogram; we turn it off and
// record every answer's real latency ourselves, from the request written to the answer read.
import autocannon from 'autocannon';
import { percentile } from './stats.mjs';

const round1 = (v) => Number(v.toFixed(1));

/** Splits `total` into `parts` whole numbers that differ by at most one. */
function share(total, parts, i) {
  return Math.floor(total / parts) + (i < total % parts ? 1 : 0);
}

/**
 * autocannon's `requests`: an autocannon requests array as it is, or a function `(n) => {method,
 * path, headers, body}` called for the n-th request of the whole run (all connections share the
 * count, so rotating through a list of learners gives each request the next learner's token).
 */
function requestsOption(requests) {
  if (typeof requests !== 'function') return requests;
  let n = 0;
  return [
    {
      setupRequest: (req) => {
        const { body, headers = {}, ...rest } = requests(n++);
        const json = body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body);
        return {
          ...req,
          ...rest,
          headers: { ...req.headers, ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
          body: json ? JSON.stringify(body) : (body ?? Buffer.alloc(0)),
        };
      },
    },
  ];
}

function runInstance(options, latencies) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, _status, _bytes, ms) => {
      latencies.push(ms);
      latencies.lastAnswerAt = performance.now();
    });
  });
}

function summarize(results, latencies, seconds, targetRate) {
  const statuses = {};
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  for (const r of results) {
    errors += r.errors; // connection errors and timeouts
    timeouts += r.timeouts;
    non2xx += r.non2xx;
    for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = (statuses[code] ?? 0) + Number(count);
  }
  const requests = latencies.length;
  return {
    targetRate,
    achievedRps: round1(requests / seconds),
    requests,
    p50: round1(percentile(latencies, 50)),
    p95: round1(percentile(latencies, 95)),
    p99: round1(percentile(latencies, 99)),
    max: round1(latencies.reduce((a, b) => Math.max(a, b), 0)),
    errors,
    timeouts,
    non2xx,
    statuses,
  };
}

/**
 * Open loop: `rate` requests per second across all connections for `seconds` seconds.
 * `connections` defaults to `rate` (one request per connection per second: see above).
 * `requests`: an autocannon requests array, or `(n) => ({ method, path, headers, body })` (a body
 * that is not a string is sent as JSON). Latencies in ms over every answer (2xx or not);
 * `errors` are connection errors and timeouts, `non2xx` the answers that were not 2xx.
 */
export async function openLoop({ url, rate, seconds, connections = rate, requests, slots = Math.min(connections, 50), timeoutSeconds = 10 }) {
  if (!(rate > 0)) throw new Error('openLoop trenger en rate over 0');
  const latencies = [];
  const shared = requestsOption(requests);
  const runs = [];
  const started = performance.now();
  for (let i = 0; i < slots; i++) {
    const slotRate = share(rate, slots, i);
    if (slotRate === 0) continue;
    const slotConnections = Math.max(1, Math.min(slotRate, share(connections, slots, i)));
    // A fixed number of requests rather than a duration: autocannon stops a timed run with the last
    // requests still in flight and never counts them, which would drop exactly the slow answers.
    // With `amount` every request sent is answered (or times out) before the run ends.
    const options = { url, amount: slotRate * seconds, connections: slotConnections, overallRate: slotRate, ignoreCoordinatedOmission: true, requests: shared, timeout: timeoutSeconds };
    runs.push(new Promise((resolve) => setTimeout(resolve, (i * 1000) / slots)).then(() => runInstance(options, latencies)));
  }
  const results = await Promise.all(runs);
  // From the first request sent to the last answer read: about `seconds` when the server keeps up,
  // longer (so a lower achieved rate) when it does not. (Not until the run ends: a connection
  // notices it is done only at its next tick, up to a second after its last answer.)
  const elapsed = Math.max(seconds, ((latencies.lastAnswerAt ?? performance.now()) - started) / 1000);
  return summarize(results, latencies, elapsed, rate);
}

/**
 * Closed loop at full speed: `connections` connections each sending its next request the moment
 * the last is answered, for `seconds` seconds. `achievedRps` is then the throughput the server
 * sustains with that many requests in flight (its saturation throughput when that is enough).
 */
export async function closedLoop({ url, seconds, connections, requests, timeoutSeconds = 10 }) {
  const latencies = [];
  const result = await runInstance({ url, duration: seconds, connections, requests: requestsOption(requests), timeout: timeoutSeconds }, latencies);
  return summarize([result], latencies, seconds, null);
}
