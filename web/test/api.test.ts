import { describe, expect, it } from 'vitest';
import { getJson, type Fetch } from '../src/api/client';

const respond = (status: number, body: string): Fetch => async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } });

describe('API client', () => {
  it('returns the parsed body on success', async () => {
    const r = await getJson('/health', { fetch: respond(200, '{"status":"ok"}') });
    expect(r).toEqual({ ok: true, status: 200, data: { status: 'ok' } });
  });

  it('reads the server\'s error body', async () => {
    const r = await getJson('/api/v1/strategy', {
      fetch: respond(404, '{"error":{"status":404,"code":"not_found","message":"no strategy is active"}}'),
    });
    expect(r).toEqual({ ok: false, status: 404, code: 'not_found', message: 'no strategy is active' });
  });

  it('reports a network failure as status 0 instead of throwing', async () => {
    const r = await getJson('/health', { fetch: async () => { throw new TypeError('Failed to fetch'); } });
    expect(r.ok).toBe(false);
    expect(r.status).toBe(0);
  });

  it('treats a success without JSON as an error', async () => {
    const r = await getJson('/health', { fetch: respond(200, '<html>') });
    expect(r.ok).toBe(false);
  });
});
