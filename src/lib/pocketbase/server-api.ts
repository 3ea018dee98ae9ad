/**
 * The part of the PocketBase SDK that the data-reading islands use. The SDK (client.ts) has it, and
 * so has the small fetch client of lite-client.ts, which the lesson, coding and Min side pages use
 * instead of the SDK's 12 KB: lib functions that take a `ServerApi` work with either.
 */
export interface RecordModel {
  id: string;
  [key: string]: unknown;
}

export interface ListResult<T> {
  page: number;
  perPage: number;
  totalItems: number;
  totalPages: number;
  items: T[];
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, unknown>;
  keepalive?: boolean;
  filter?: string;
  sort?: string;
  fields?: string;
  expand?: string;
  skipTotal?: boolean;
}

export interface RecordsApi {
  getList(page?: number, perPage?: number, options?: RequestOptions): Promise<ListResult<RecordModel>>;
  getFullList(options?: RequestOptions): Promise<RecordModel[]>;
  getOne(id: string, options?: RequestOptions): Promise<RecordModel>;
  create(body?: object | FormData, options?: RequestOptions): Promise<RecordModel>;
  update(id: string, body?: object | FormData, options?: RequestOptions): Promise<RecordModel>;
  delete(id: string, options?: RequestOptions): Promise<boolean>;
}

export interface ServerApi {
  readonly authStore: { readonly token: string; readonly record: RecordModel | null; readonly isValid: boolean };
  filter(raw: string, params?: Record<string, unknown>): string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send<T = any>(path: string, options: RequestOptions): Promise<T>;
  collection(name: string): RecordsApi;
}
