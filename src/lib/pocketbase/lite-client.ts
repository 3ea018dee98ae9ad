/**
 * A small fetch client for the pages that only read and write records and call our routes: the
 * same requests, headers and errors as the PocketBase SDK (client.ts) for the calls of server-api.ts,
 * in a fraction of its size. It reads the session the SDK stored and never changes it: logging in
 * and out, realtime and file uploads stay with the SDK.
 */
import { AUTH_STORAGE_KEY, parseStoredSession } from '../auth/stored-session';
import type { ListResult, RecordModel, RecordsApi, RequestOptions, ServerApi } from './server-api';

/** Thrown like the SDK's ClientResponseError: `status` 0 when the server never answered. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly response: { message?: unknown; data?: unknown } = {},
  ) {
    super(typeof response.message === 'string' ? response.message : `HTTP ${status}`);
  }
}

/** A value put into a filter as PocketBase's SDK does (pb.filter): quoted, never spliced in raw. */
function filterValue(value: unknown): string {
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString().replace('T', ' '));
  const json = JSON.stringify(value);
  return json.startsWith('[') || json.startsWith('{') ? JSON.stringify(json) : json;
}

const QUERY_KEYS = ['filter', 'sort', 'fields', 'expand', 'skipTotal'] as const;

class LiteClient implements ServerApi {
  get authStore() {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(AUTH_STORAGE_KEY);
    } catch {
      // no storage: nobody is logged in
    }
    const session = parseStoredSession(raw);
    const record = session ? ((JSON.parse(raw!) as { record: RecordModel }).record ?? null) : null;
    return { token: session?.token ?? '', record, isValid: session !== null };
  }

  filter(raw: string, params: Record<string, unknown> = {}): string {
    return raw.replace(/\{:(\w+)\}/g, (whole, key: string) => (key in params ? filterValue(params[key]) : whole));
  }

  async send<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL(path, window.location.origin);
    const query: Record<string, unknown> = { ...options.query };
    for (const key of QUERY_KEYS) if (options[key] !== undefined) query[key] = options[key];
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { ...options.headers };
    const token = this.authStore.token;
    if (token && !headers.Authorization) headers.Authorization = token;
    let body = options.body as BodyInit | undefined;
    if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') {
      body = JSON.stringify(body);
      headers['Content-Type'] ??= 'application/json';
    }
    let response: Response;
    try {
      response = await fetch(url, { method: options.method ?? 'GET', headers, body, keepalive: options.keepalive });
    } catch {
      throw new ServerError(0);
    }
    const data: unknown = response.status === 204 ? null : await response.json().catch(() => ({}));
    if (!response.ok) throw new ServerError(response.status, (data ?? {}) as { message?: unknown; data?: unknown });
    return data as T;
  }

  collection(name: string): RecordsApi {
    const base = `/api/collections/${encodeURIComponent(name)}/records`;
    const getList = (page = 1, perPage = 30, options: RequestOptions = {}) =>
      this.send<ListResult<RecordModel>>(base, { ...options, query: { page, perPage, ...options.query } });
    return {
      getList,
      getFullList: async (options = {}) => {
        const all: RecordModel[] = [];
        for (let page = 1; ; page++) {
          const batch = await getList(page, 1000, { ...options, skipTotal: true });
          all.push(...batch.items);
          if (batch.items.length < 1000) return all;
        }
      },
      getOne: (id, options = {}) => this.send<RecordModel>(`${base}/${encodeURIComponent(id)}`, options),
      create: (body, options = {}) => this.send<RecordModel>(base, { ...options, method: 'POST', body }),
      update: (id, body, options = {}) => this.send<RecordModel>(`${base}/${encodeURIComponent(id)}`, { ...options, method: 'PATCH', body }),
      delete: async (id, options = {}) => {
        await this.send(`${base}/${encodeURIComponent(id)}`, { ...options, method: 'DELETE' });
        return true;
      },
    };
  }
}

let client: LiteClient | undefined;

/** The lite client of this page (one, like pocketbase()). */
export function serverApi(): ServerApi {
  return (client ??= new LiteClient());
}
