// The HTTP API from node, for what a test sets up or checks behind the
// screens (users, agent profiles): bearer tokens, JSON in and out.
import assert from 'node:assert/strict';

// `method path` with the token (or none); fails the test on a non-2xx answer.
export async function api(server, token, method, path, body) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  assert.ok(res.ok, `${method} ${path} -> ${res.status} ${text}`);
  return data;
}

export async function tokenOf(server, user) {
  return (await api(server, null, 'POST', '/api/v1/auth/login', { username: user.username, password: user.password })).token;
}

// Polls `fn` until it returns something truthy (and returns that).
export async function until(what, fn, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
