// Concurrent simulated learners against the real server: each learner a closed loop of requests
// with its own token; latency per request, throughput over the whole run, and errors.
import { percentile } from './stats.mjs';

/**
 * Runs `requestsPerLearner` requests for each learner at once. `makeRequest(learner, i)` returns
 * {url, init}. Returns requests per second, latency percentiles in ms, and the error count.
 */
export async function runLoad(learners, requestsPerLearner, makeRequest) {
  const latencies = [];
  let errors = 0;
  const statuses = {};
  const started = performance.now();
  await Promise.all(
    learners.map(async (learner) => {
      for (let i = 0; i < requestsPerLearner; i++) {
        const { url, init } = makeRequest(learner, i);
        const t0 = performance.now();
        try {
          const res = await fetch(url, init);
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (!res.ok) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    learners: learners.length,
    requests: latencies.length,
    seconds: Number(seconds.toFixed(2)),
    rps: Number((latencies.length / seconds).toFixed(1)),
    p50: Number(percentile(latencies, 50).toFixed(1)),
    p95: Number(percentile(latencies, 95).toFixed(1)),
    p99: Number(percentile(latencies, 99).toFixed(1)),
    errors,
    statuses,
  };
}
