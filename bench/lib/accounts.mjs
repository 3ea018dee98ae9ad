// Accounts for simulated learners, each with its own token, made through the API.
import PocketBase from 'pocketbase';

export const BENCH_PASSWORD = 'bench-passord-123';

export async function superuser(url, email, password) {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(email, password);
  return pb;
}

/** Creates `count` users (learners unless `role` says otherwise) in one kindergarten and logs each in; returns {id, token, pb} for each. */
export async function learners(root, count, prefix, role = 'deltaker') {
  const barnehage = await root.collection('barnehager').create({ name: `${prefix} ${Date.now()}`, pulje: 1, eierform: 'kommunal' });
  const out = [];
  const batch = 20;
  for (let start = 0; start < count; start += batch) {
    const made = await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, async (_, k) => {
        const email = `${prefix}-${start + k}-${Date.now()}@bench.tettpa.no`;
        await root.collection('users').create({ email, name: `${prefix} ${start + k}`, role, barnehage: barnehage.id, password: BENCH_PASSWORD, passwordConfirm: BENCH_PASSWORD, verified: true });
        const pb = new PocketBase(root.baseURL);
        pb.autoCancellation(false);
        const auth = await pb.collection('users').authWithPassword(email, BENCH_PASSWORD);
        return { id: auth.record.id, token: pb.authStore.token, pb };
      }),
    );
    out.push(...made);
  }
  return out;
}
