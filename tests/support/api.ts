// Calls our own /api/tettpa routes with a user's token and returns status and JSON.
import type PocketBase from 'pocketbase';

export async function call(pb: PocketBase | null, method: string, path: string, body?: unknown, baseUrl?: string) {
  const url = `${baseUrl ?? pb!.baseURL}${path}`;
  const res = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(pb?.authStore.token ? { Authorization: pb.authStore.token } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}
