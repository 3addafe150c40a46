// Sign in with username and password. On success the app goes to the
// screen that fits the user's role (session.ts's homePath), or back to the
// screen that sent them here (#/login?next=/supervisor).
import { useState } from 'preact/hooks';
import { homePath, login } from '../api/session';
import { t } from '../i18n';
import { findRoute, href } from '../router';
import { ROUTES } from '../routes';

function nextPath(): string | null {
  const hash = globalThis.location?.hash ?? '';
  const q = hash.indexOf('?');
  if (q < 0) return null;
  const next = new URLSearchParams(hash.slice(q + 1)).get('next');
  return next && next.startsWith('/') && !next.startsWith('/login') ? next : null;
}

export function Login() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    const r = await login(username.trim(), password);
    setBusy(false);
    if (r.ok) {
      const home = homePath();
      globalThis.location.hash = href(nextPath() ?? (findRoute(ROUTES, home) ? home : '/'));
      return;
    }
    setPassword('');
    if (r.status === 401) setError(t('login.invalid'));
    else if (r.status === 429) setError(t('login.throttled'));
    else if (r.status === 0) setError(t('common.errorNetwork'));
    else setError(t('common.errorHttp', { status: r.status, message: r.message }));
  }

  return (
    <div class="screen narrow">
      <h1>{t('login.title')}</h1>
      <form class="form" onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
        <div class="field">
          <label for="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            name="username"
            type="text"
            autocomplete="username"
            dir="auto"
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p class="error" id="login-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
