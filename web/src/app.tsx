// The application shell: skip link, header with navigation (the screens the
// signed-in user may use), language switch and sign-out, the current
// screen, and the server status in the footer. Screens that need a
// permission send signed-out users to the sign-in screen.
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { can, logout, refresh, session, type SessionState } from './api/session';
import { LanguageSwitch } from './components/LanguageSwitch';
import { StatusBar } from './components/StatusBar';
import { getLocale, subscribe, t } from './i18n';
import { findRoute, href, pathFromHash, type RouteDef } from './router';
import { ROUTES } from './routes';
import { NotFound } from './screens/NotFound';

function currentPath(): string {
  return pathFromHash(globalThis.location?.hash ?? '');
}

function Nav({ path, state }: { path: string; state: SessionState }) {
  const items = ROUTES.filter((r) => r.nav && (!r.permission || can(r.permission, state)));
  return (
    <nav aria-label={t('nav.label')}>
      <ul>
        <li>
          <a href={href('/')} aria-current={path === '/' ? 'page' : undefined}>
            {t('nav.home')}
          </a>
        </li>
        {items.map((r) => (
          <li>
            <a href={href(r.path)} aria-current={r.path === path ? 'page' : undefined}>
              {t(r.nav!)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Account({ state }: { state: SessionState }) {
  if (!state.user) {
    return state.checked ? <a href={href('/login')}>{t('nav.login')}</a> : null;
  }
  return (
    <div class="account">
      <span>{t('nav.signedInAs', { name: state.user.display_name || state.user.username })}</span>
      <button
        type="button"
        onClick={async () => {
          await logout();
          globalThis.location.hash = href('/login');
        }}
      >
        {t('nav.logout')}
      </button>
    </div>
  );
}

// What the route needs before its screen may show: null when it may.
function gate(route: RouteDef | undefined, state: SessionState): 'wait' | 'login' | 'forbidden' | null {
  if (!route?.permission) return null;
  if (!state.checked) return 'wait';
  if (!state.user) return 'login';
  return can(route.permission, state) ? null : 'forbidden';
}

export function App() {
  const [locale, setLocaleState] = useState(getLocale());
  const [path, setPath] = useState(currentPath());
  const [auth, setAuth] = useState(session.get());
  const [screen, setScreen] = useState<{ path: string; Component: ComponentType } | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const route = findRoute(ROUTES, path);
  const blocked = gate(route, auth);

  useEffect(() => subscribe(setLocaleState), []);
  useEffect(() => session.subscribe(setAuth), []);
  useEffect(() => void refresh(), []);
  useEffect(() => {
    const onHash = () => setPath(currentPath());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (blocked === 'login') globalThis.location.hash = href(`/login?next=${encodeURIComponent(path)}`);
  }, [blocked, path]);

  useEffect(() => {
    let live = true;
    if (route && !blocked) {
      route.load().then((Component) => {
        if (live) setScreen({ path: route.path, Component });
      });
    }
    return () => {
      live = false;
    };
  }, [route, blocked]);

  useEffect(() => {
    document.title = `${t(route?.title ?? 'notFound.title')} · ${t('app.name')}`;
  }, [route, locale]);

  // After navigating (not on first load), move focus to the new screen so
  // keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [path]);

  const Screen = screen && route && screen.path === route.path ? screen.Component : null;
  let body;
  if (!route) body = <NotFound />;
  else if (blocked === 'forbidden') body = <p class="notice" role="alert">{t('nav.forbidden')}</p>;
  else if (blocked || !Screen) body = <p role="status">{t('common.loading')}</p>;
  else body = <Screen />;
  return (
    <>
      <button type="button" class="skip-link" onClick={() => mainRef.current?.focus()}>
        {t('skip.toMain')}
      </button>
      <header class="app-header">
        <a class="brand" href={href('/')}>
          <span class="brand-name">{t('app.name')}</span>
          <span class="brand-tagline">{t('app.tagline')}</span>
        </a>
        <Nav path={path} state={auth} />
        <Account state={auth} />
        <LanguageSwitch />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} data-screen={route?.path ?? 'not-found'}>
        {body}
      </main>
      <footer class="app-footer">
        <StatusBar />
      </footer>
    </>
  );
}
