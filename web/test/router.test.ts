import { describe, expect, it } from 'vitest';
import { findRoute, pathFromHash } from '../src/router';
import { ROUTES } from '../src/routes';

describe('hash routing', () => {
  it('reads the path from the hash', () => {
    expect(pathFromHash('')).toBe('/');
    expect(pathFromHash('#/')).toBe('/');
    expect(pathFromHash('#/admin/strategy')).toBe('/admin/strategy');
    expect(pathFromHash('#/admin/strategy/')).toBe('/admin/strategy');
    expect(pathFromHash('#/login?next=x')).toBe('/login');
    expect(pathFromHash('#login')).toBe('/login');
  });

  it('knows the screens that exist', () => {
    expect(findRoute(ROUTES, '/admin/strategy')?.title).toBe('strategy.title');
    expect(findRoute(ROUTES, '/login')).toBeDefined();
    expect(findRoute(ROUTES, '/nowhere')).toBeUndefined();
  });

  // Transforming every screen's module graph takes seconds on a busy
  // 2-core machine: a generous timeout, this is not a speed check.
  it('loads every screen', async () => {
    for (const r of ROUTES) expect(typeof (await r.load())).toBe('function');
  }, 60_000);
});
