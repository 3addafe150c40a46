// The application shell: skip link, header with navigation and language
// switch, the current screen, and the server status in the footer.
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { LanguageSwitch } from './components/LanguageSwitch';
import { StatusBar } from './components/StatusBar';
import { getLocale, subscribe, t, type MessageKey } from './i18n';
import { findRoute, href, pathFromHash } from './router';
import { ROUTES } from './routes';
import { NotFound } from './screens/NotFound';

const NAV: { path: string; label: MessageKey }[] = [
  { path: '/', label: 'nav.home' },
  { path: '/admin/strategy', label: 'nav.strategy' },
  { path: '/login', label: 'nav.login' },
];

function currentPath(): string {
  return pathFromHash(globalThis.location?.hash ?? '');
}

export function App() {
  const [locale, setLocaleState] = useState(getLocale());
  const [path, setPath] = useState(currentPath());
  const [screen, setScreen] = useState<{ path: string; Component: ComponentType } | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const route = findRoute(ROUTES, path);

  useEffect(() => subscribe(setLocaleState), []);
  useEffect(() => {
    const onHash = () => setPath(currentPath());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    let live = true;
    if (route) {
      route.load().then((Component) => {
        if (live) setScreen({ path: route.path, Component });
      });
    }
    return () => {
      live = false;
    };
  }, [route]);

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
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.map((n) => (
              <li>
                <a href={href(n.path)} aria-current={n.path === path ? 'page' : undefined}>
                  {t(n.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} data-screen={route?.path ?? 'not-found'}>
        {!route ? <NotFound /> : Screen ? <Screen /> : <p role="status">{t('common.loading')}</p>}
      </main>
      <footer class="app-footer">
        <StatusBar />
      </footer>
    </>
  );
}
