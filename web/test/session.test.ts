import { beforeEach, describe, expect, it } from 'vitest';
import { homePath, login, send, session } from '../src/api/session';
import { memoryStorage } from './fixtures/memory-storage';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('session', () => {
  beforeEach(() => {
    (globalThis as { sessionStorage?: Storage }).sessionStorage = memoryStorage();
    session.set({ checked: false, user: null, permissions: [] });
  });

  it('keeps the CSRF token from the login and sends it on every write', async () => {
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const fetch = async (url: string, init?: RequestInit) => {
      seen.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
      if (url === '/api/v1/auth/login') return json(200, { token: 'tms_x', csrf_token: 'c5rf', user: { id: 1 } });
      if (url === '/api/v1/me') return json(200, { user: { id: 1, username: 'sara', display_name: 'Sara', role: 'agent' }, permissions: ['agent_desk'] });
      return json(200, {});
    };
    expect((await login('sara', 'pw', { fetch })).ok).toBe(true);
    expect(session.get().user?.username).toBe('sara');
    await send('POST', '/api/v1/agent/state', { state: 'ready' }, { fetch });
    expect(seen.at(-1)?.headers['X-CSRF-Token']).toBe('c5rf');
  });

  it('forgets the user when the server says the session ended (401)', async () => {
    session.set({ checked: true, user: { id: 1, username: 'a', display_name: '', role: 'agent' }, permissions: ['agent_desk'] });
    const fetch = async () => json(401, { error: { status: 401, code: 'unauthenticated', message: 'no session' } });
    const r = await send('POST', '/api/v1/agent/state', {}, { fetch });
    expect(r.ok).toBe(false);
    expect(session.get().user).toBeNull();
  });

  it('lands each role on its own screen', () => {
    const as = (role: string, permissions: string[]) =>
      homePath({ checked: true, user: { id: 1, username: 'u', display_name: '', role }, permissions });
    expect(as('agent', ['agent_desk', 'handle_cases'])).toBe('/agent');
    expect(as('supervisor', ['agent_desk', 'supervise'])).toBe('/supervisor');
    expect(as('backoffice', ['department_cases'])).toBe('/backoffice');
    expect(as('admin', ['manage_users'])).toBe('/admin/users');
  });
});
