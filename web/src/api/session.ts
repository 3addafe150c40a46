// Who is signed in, for the whole app. The server's session lives in the
// HttpOnly `tamas_session` cookie; the CSRF token from the login answer is
// kept in sessionStorage (per tab, survives a reload, never sent by the
// browser on its own) and added to every POST/PUT/PATCH/DELETE by send().
import { createStore } from '../lib/store';
import { getJson, type ApiResult, type Fetch } from './client';

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: 'admin' | 'supervisor' | 'agent' | 'backoffice' | 'planner' | string;
}

export interface SessionState {
  // false until the first /api/v1/me answer (or failure) arrived.
  checked: boolean;
  user: User | null;
  permissions: readonly string[];
}

export const session = createStore<SessionState>({ checked: false, user: null, permissions: [] });

const CSRF_KEY = 'tamas.csrf';

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function csrfToken(): string | null {
  return storage()?.getItem(CSRF_KEY) ?? null;
}

export function can(permission: string, state: SessionState = session.get()): boolean {
  return state.permissions.includes(permission);
}

// Sends a JSON request with the CSRF header. A 401 means the session ended:
// the app forgets the user (and the shell shows the sign-in screen).
export async function send<T = unknown>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  opts: { fetch?: Fetch } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const csrf = csrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const r = await getJson<T>(path, {
    fetch: opts.fetch,
    init: { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
  });
  if (!r.ok && r.status === 401) forget();
  return r;
}

// GET with the session; a 401 forgets the user like send().
export async function get<T = unknown>(path: string, opts: { fetch?: Fetch; signal?: AbortSignal } = {}): Promise<ApiResult<T>> {
  const r = await getJson<T>(path, opts);
  if (!r.ok && r.status === 401) forget();
  return r;
}

function forget(): void {
  storage()?.removeItem(CSRF_KEY);
  session.set({ checked: true, user: null, permissions: [] });
}

// Asks the server who we are (the cookie decides).
export async function refresh(opts: { fetch?: Fetch } = {}): Promise<void> {
  const r = await getJson<{ user: User; permissions: string[] }>('/api/v1/me', opts);
  if (r.ok) session.set({ checked: true, user: r.data.user, permissions: r.data.permissions });
  else forget();
}

export async function login(
  username: string,
  password: string,
  opts: { fetch?: Fetch } = {},
): Promise<ApiResult<{ user: User; csrf_token: string }>> {
  const r = await getJson<{ user: User; csrf_token: string }>('/api/v1/auth/login', {
    fetch: opts.fetch,
    init: {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    },
  });
  if (r.ok) {
    storage()?.setItem(CSRF_KEY, r.data.csrf_token);
    await refresh(opts);
  }
  return r;
}

export async function logout(opts: { fetch?: Fetch } = {}): Promise<void> {
  await send('POST', '/api/v1/auth/logout', undefined, opts);
  forget();
}

// The screen a user lands on after signing in, by what they may do.
export function homePath(state: SessionState = session.get()): string {
  if (can('agent_desk', state) && state.user?.role === 'agent') return '/agent';
  if (can('supervise', state)) return '/supervisor';
  if (can('department_cases', state) && !can('handle_cases', state)) return '/backoffice';
  if (can('manage_users', state)) return '/admin/users';
  return '/';
}
