/**
 * What a learner reads when the server says no. Our own routes and hooks answer in Norwegian;
 * PocketBase's collection API answers in English ("Failed to create record.", validation codes per
 * field). This is the one place that turns the English into Norwegian and lets ours through.
 */
import { t } from '../../i18n/t';
import type { StringKey } from '../../i18n/nb';

interface FieldError {
  code?: unknown;
  message?: unknown;
}

interface SdkError {
  status?: unknown;
  response?: { message?: unknown; data?: unknown };
}

/** How PocketBase's own messages begin (apis/, core/, tools/router of v0.39). */
const POCKETBASE_MESSAGE =
  /^(Failed to|Invalid|Missing|The request|The requested|The authorized|The collection|The current|Only superusers|Something went wrong|An error occurred|Too Many Requests|Too many attempts|Unsupported|You are not allowed|You can't|Insufficient permissions|File not found|Request entity too large|Not Found|Forbidden|Unauthorized|Bad Request|Internal Server Error|Service Unavailable|Bad Gateway|Gateway Timeout|All superusers|Try again later)/i;
/** English a Norwegian message never has, for a PocketBase message the list above does not know. */
const ENGLISH_WORDS = /\b(the|please|your|request|record|failed|invalid|missing|cannot|must be|not allowed|something)\b/i;

/** Whether the message is PocketBase's English rather than a Norwegian one of ours. */
export function isPocketBaseText(message: string): boolean {
  return POCKETBASE_MESSAGE.test(message.trim()) || (/^[\x20-\x7e]*$/.test(message) && ENGLISH_WORDS.test(message));
}

/** Validation codes (PocketBase's and ozzo-validation's) grouped by what the learner should fix. */
const PROBLEMS: [RegExp, StringKey][] = [
  [/^validation_(required|nil_or_not_empty_required)$/, 'apiError.problem.required'],
  [/^validation_(is_email|invalid_email|invalid_new_email|email_domain_not_allowed)$/, 'apiError.problem.email'],
  [/^validation_(length_too_long|max_text_constraint)$/, 'apiError.problem.tooLong'],
  [/^validation_(length_too_short|min_text_constraint)$/, 'apiError.problem.tooShort'],
  [/^validation_length_(out_of_range|invalid)$/, 'apiError.problem.length'],
  [/^validation_min_/, 'apiError.problem.tooLow'],
  [/^validation_max_/, 'apiError.problem.tooHigh'],
  [/^validation_values_mismatch$/, 'apiError.problem.mismatch'],
  [/^validation_invalid_(old_)?password$/, 'apiError.problem.wrongPassword'],
  [/^validation_not_unique$/, 'apiError.problem.taken'],
  [/^validation_missing_rel_records$/, 'apiError.problem.missingRecord'],
  [/^validation_(too_many|not_enough)_values$/, 'apiError.problem.count'],
  [/^validation_(invalid_mime_type|invalid_file|too_many_files|file_size_limit)/, 'apiError.problem.file'],
];

const FIELDS = ['email', 'password', 'passwordConfirm', 'oldPassword', 'name', 'text', 'course', 'lesson', 'status', 'score', 'code', 'place', 'day1', 'day2', 'capacity', 'user'];

function fieldLabel(name: string): string {
  return FIELDS.includes(name) ? t(`apiError.field.${name}` as StringKey) : t('apiError.field.unknown', { name });
}

function problemOf(code: unknown): string {
  const key = typeof code === 'string' ? PROBLEMS.find(([pattern]) => pattern.test(code))?.[1] : undefined;
  return t(key ?? 'apiError.problem.invalid');
}

/** One Norwegian sentence per field PocketBase refused, in the order it names them. */
function fieldMessages(data: unknown): string[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const out: string[] = [];
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    const field = value as FieldError | null;
    if (!field || typeof field !== 'object' || typeof field.code !== 'string') continue;
    out.push(t('apiError.field', { field: fieldLabel(name), problem: problemOf(field.code) }));
  }
  return out;
}

const BY_STATUS: Record<number, StringKey> = {
  400: 'apiError.400',
  401: 'apiError.401',
  403: 'apiError.403',
  404: 'apiError.404',
  413: 'apiError.413',
  429: 'apiError.429',
};

function byStatus(status: number): string {
  if (status >= 500) return t('apiError.500');
  const key = BY_STATUS[status];
  return key ? t(key) : t('apiError.other', { status });
}

/**
 * The Norwegian message for a refused request (an SDK error), or null when the server never
 * answered (then the caller says that the network failed).
 */
export function norwegianMessage(error: unknown): string | null {
  const { status, response } = (error ?? {}) as SdkError;
  if (typeof status !== 'number' || status === 0) return null;
  const message = typeof response?.message === 'string' ? response.message.trim() : '';
  if (message && !isPocketBaseText(message)) return message;
  const fields = fieldMessages(response?.data);
  if (fields.length > 0) return fields.join(' ');
  return byStatus(status);
}

/**
 * The Norwegian message of a refused request, or null when the server never answered. PocketBase's
 * own English messages are put into Norwegian; our routes' messages come through as they are.
 */
export function serverMessage(error: unknown): string | null {
  return norwegianMessage(error);
}
