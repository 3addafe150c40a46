// Hash routing: "#/admin/strategy" -> "/admin/strategy". The server serves
// only files, so every screen lives under the one index.html.
import type { ComponentType } from 'preact';
import type { MessageKey } from './i18n';

export interface RouteDef {
  path: string;
  title: MessageKey;
  // The permission (as /api/v1/me names it) the screen needs; without one
  // the screen is public. Signed-out users are sent to the sign-in screen.
  permission?: string;
  // Shown in the header's navigation (to users holding `permission`).
  nav?: MessageKey;
  // Screens load on demand, so the first load stays small.
  load: () => Promise<ComponentType>;
}

export function pathFromHash(hash: string): string {
  let p = hash.replace(/^#/, '');
  const q = p.indexOf('?');
  if (q >= 0) p = p.slice(0, q);
  if (!p.startsWith('/')) p = `/${p}`;
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

// A route whose path ends in "/*" matches every path below it
// ("/forms/*" matches "/forms/voc_form"); exact paths win.
export function findRoute(routes: readonly RouteDef[], path: string): RouteDef | undefined {
  return (
    routes.find((r) => r.path === path) ??
    routes.find((r) => r.path.endsWith('/*') && path.startsWith(r.path.slice(0, -1)) && path.length > r.path.length - 1)
  );
}

export function href(path: string): string {
  return `#${path}`;
}
