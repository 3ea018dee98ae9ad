// From a participant's submission to the leader's client seeing the new count, with 25
// participants subscribed, through the JS SDK's realtime (EventSource) as the site uses it.
import { EventSource } from 'eventsource';
import { percentile } from './stats.mjs';

globalThis.EventSource ??= EventSource;

export async function realtimeLatency(url, leader, participants, vignetteSlug, scores, rounds = 3) {
  const cohort = await leader.pb.collection('cohorts').create({ leader: leader.id, name: `Bench ${Date.now()}` });
  for (const p of participants) {
    const res = await fetch(`${url}/api/tettpa/cohorts/join`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: p.token }, body: JSON.stringify({ code: cohort.code }) });
    if (!res.ok) throw new Error(`join: ${res.status}`);
  }
  // Every participant's browser is subscribed too, as in the room.
  const unsubscribe = [];
  for (const p of participants) unsubscribe.push(await p.pb.collection('cohort_rounds').subscribe('*', () => {}));
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const open = await fetch(`${url}/api/tettpa/cohorts/${cohort.id}/rounds`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: leader.token }, body: JSON.stringify({ vignette: vignetteSlug }) });
    const round = await open.json();
    const seen = new Map();
    const stop = await leader.pb.collection('cohort_rounds').subscribe(round.id, (event) => {
      const n = Number(event.record.submitted);
      if (!seen.has(n)) seen.set(n, performance.now());
    });
    for (const [i, p] of participants.entries()) {
      const sent = performance.now();
      await fetch(`${url}/api/tettpa/rounds/${round.id}/codes`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: p.token }, body: JSON.stringify({ scores }) });
      const deadline = Date.now() + 5000;
      while (!seen.has(i + 1) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
      if (seen.has(i + 1)) samples.push(seen.get(i + 1) - sent);
    }
    await stop();
  }
  for (const u of unsubscribe) await u();
  return {
    participants: participants.length,
    samples: samples.length,
    expected: participants.length * rounds,
    p50: Number(percentile(samples, 50).toFixed(1)),
    p95: Number(percentile(samples, 95).toFixed(1)),
    max: Number(Math.max(...samples).toFixed(1)),
  };
}
