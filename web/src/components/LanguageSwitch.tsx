// Switches between Persian and English; the page flips direction at once.
import { LOCALES, getLocale, setLocale, t, type Locale } from '../i18n';

const LABEL_KEYS = { fa: 'lang.fa', en: 'lang.en' } as const;

export function LanguageSwitch() {
  const current = getLocale();
  const choose = (l: Locale) => setLocale(l, globalThis.localStorage);
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((l) => (
        <button type="button" lang={l} aria-pressed={l === current} data-locale={l} onClick={() => choose(l)}>
          {t(LABEL_KEYS[l])}
        </button>
      ))}
    </div>
  );
}
