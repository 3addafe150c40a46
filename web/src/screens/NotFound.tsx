import { t } from '../i18n';
import { href } from '../router';

export function NotFound() {
  return (
    <div class="screen">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <a href={href('/')}>{t('notFound.home')}</a>
      </p>
    </div>
  );
}
