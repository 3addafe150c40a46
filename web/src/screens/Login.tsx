// The sign-in form's layout. Signing in needs the server's auth API, which
// does not exist yet: the form is disabled and says so; it sends nothing.
import { t } from '../i18n';

export function Login() {
  return (
    <div class="screen narrow">
      <h1>{t('login.title')}</h1>
      <p class="notice" id="login-not-yet" role="note">
        {t('login.notYet')}
      </p>
      <form class="form" aria-describedby="login-not-yet" onSubmit={(e) => e.preventDefault()}>
        <fieldset disabled>
          <div class="field">
            <label for="login-username">{t('login.username')}</label>
            <input id="login-username" name="username" type="text" autocomplete="username" dir="auto" />
          </div>
          <div class="field">
            <label for="login-password">{t('login.password')}</label>
            <input id="login-password" name="password" type="password" autocomplete="current-password" />
          </div>
          <button type="submit" class="primary">
            {t('login.submit')}
          </button>
        </fieldset>
      </form>
    </div>
  );
}
