// A small JSON-over-HTTP client for the tamas server (same origin). Calls
// never throw: they resolve to a result the screens can render.

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; code: string; message: string; details?: ErrorDetails };

// What a 422 may say beyond code and message: the problem per request field
// (error.fields) and, for a strategy upload, every problem by line (problems).
export interface ErrorDetails {
  fields?: Record<string, string>;
  problems?: unknown[];
}

function errorDetails(body: unknown): ErrorDetails | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { error?: { fields?: unknown }; problems?: unknown };
  const out: ErrorDetails = {};
  const fields = b.error?.fields;
  if (typeof fields === 'object' && fields !== null && !Array.isArray(fields)) {
    out.fields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  }
  if (Array.isArray(b.problems)) out.problems = b.problems;
  return out.fields || out.problems ? out : undefined;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

// status 0 means the server could not be reached at all.
// `init` replaces the default GET (see session.ts's send for writes).
export async function getJson<T = unknown>(
  path: string,
  opts: { fetch?: Fetch; signal?: AbortSignal; init?: RequestInit } = {},
): Promise<ApiResult<T>> {
  const f = opts.fetch ?? globalThis.fetch.bind(globalThis);
  let res: Response;
  try {
    res = await f(path, opts.init ?? { headers: { Accept: 'application/json' }, signal: opts.signal });
  } catch (e) {
    return { ok: false, status: 0, code: 'network', message: e instanceof Error ? e.message : String(e) };
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (res.ok) {
    if (res.status === 204) return { ok: true, status: res.status, data: undefined as T };
    if (body === undefined) return { ok: false, status: res.status, code: 'bad_json', message: 'invalid JSON' };
    return { ok: true, status: res.status, data: body as T };
  }
  // The server's errors look like {"error": {"status", "code", "message"}}.
  const err = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const details = errorDetails(body);
  return {
    ok: false,
    status: res.status,
    code: typeof err?.code === 'string' ? err.code : 'http',
    message: typeof err?.message === 'string' ? err.message : res.statusText,
    ...(details ? { details } : {}),
  };
}
