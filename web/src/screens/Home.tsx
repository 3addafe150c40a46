// The landing page: what tamas is and the screens that exist so far.
import { t } from '../i18n';
import { href } from '../router';

export function Home() {
  return (
    <div class="screen">
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.intro')}</p>
      <h2>{t('home.screens')}</h2>
      <ul class="cards">
        <li class="card">
          <a href={href('/admin/strategy')}>{t('nav.strategy')}</a>
          <p>{t('home.strategyDesc')}</p>
        </li>
        <li class="card">
          <a href={href('/login')}>{t('nav.login')}</a>
          <p>{t('home.loginDesc')}</p>
        </li>
      </ul>
    </div>
  );
}
