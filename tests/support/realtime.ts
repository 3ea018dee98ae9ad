// A bare PocketBase realtime client over fetch (Node has no EventSource), so that tests can see
// exactly which events reach a given user.
export interface RealtimeListener {
  events: Array<{ event: string; data: unknown }>;
  close(): void;
}

export async function listen(url: string, token: string, subscriptions: string[]): Promise<RealtimeListener> {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/realtime`, { signal: controller.signal });
  if (!res.body) throw new Error('no realtime stream');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const events: RealtimeListener['events'] = [];
  let buffer = '';
  let resolveClientId!: (id: string) => void;
  const clientId = new Promise<string>((r) => (resolveClientId = r));

  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event:(.*)$/m.exec(block)?.[1]?.trim() ?? '';
          const raw = /^data:(.*)$/m.exec(block)?.[1] ?? 'null';
          const data = JSON.parse(raw);
          if (event === 'PB_CONNECT') resolveClientId((data as { clientId: string }).clientId);
          else events.push({ event, data });
        }
      }
    } catch {
      // aborted
    }
  })();

  const id = await clientId;
  const sub = await fetch(`${url}/api/realtime`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: token } : {}) },
    body: JSON.stringify({ clientId: id, subscriptions }),
  });
  if (sub.status !== 204) throw new Error(`subscribe answered ${sub.status}: ${await sub.text()}`);
  return { events, close: () => controller.abort() };
}
