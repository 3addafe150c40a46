// Pieces shared by the planning screens: the area's tabs, the last forecast
// (the staffing screen plans from it) and failures as sentences.
import type { ApiResult } from '../../api/client';
import { createStore } from '../../lib/store';
import { formatNumber } from '../../format';
import { getLocale, t, type MessageKey } from '../../i18n';
import { href } from '../../router';
import { notAvailable, type Interval } from './planning';

type Fail = ApiResult<unknown> & { ok: false };

// The forecast shown last on the forecast screen, for this page's lifetime.
export const lastForecast = createStore<{ intervals: Interval[]; interval: string }>({ intervals: [], interval: '30m' });

const TABS: { path: string; label: MessageKey }[] = [
  { path: '/planning/forecast', label: 'planning.tab.forecast' },
  { path: '/planning/staffing', label: 'planning.tab.staffing' },
  { path: '/planning/schedule', label: 'planning.tab.schedule' },
];

export function PlanningTabs({ current }: { current: string }) {
  return (
    <nav class="planning-tabs" aria-label={t('planning.tabs')}>
      <ul>
        {TABS.map((tab) => (
          <li>
            <a href={href(tab.path)} aria-current={tab.path === current ? 'page' : undefined}>
              {t(tab.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function PlanningFailure({ result, feature }: { result: Fail; feature?: MessageKey }) {
  if (feature && notAvailable(result)) {
    return (
      <p class="notice" role="alert" data-testid="not-available">
        {t('planning.notAvailable', { feature: t(feature) })}
      </p>
    );
  }
  const fields = Object.entries(result.details?.fields ?? {});
  return (
    <div class="error" role="alert">
      <p>{result.status === 0 ? t('common.errorNetwork') : t('common.errorHttp', { status: formatNumber(result.status, getLocale()), message: result.message })}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([k, v]) => (
            <li dir="ltr">{`${k}: ${v}`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function IntervalField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  return (
    <div class="field">
      <label for={id}>{t('planning.interval')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {['15m', '30m', '60m'].map((v) => (
          <option value={v}>{t('planning.minutes', { n: formatNumber(parseInt(v, 10), getLocale()) })}</option>
        ))}
      </select>
    </div>
  );
}
