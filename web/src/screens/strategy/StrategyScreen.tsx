// Admin › Strategy: the active strategy from GET /api/v1/strategy, as tables.
// Every section degrades on its own when the server leaves it out.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { getJson, type ApiResult } from '../../api/client';
import { formatNumber } from '../../format';
import { getLocale, t, type MessageKey } from '../../i18n';
import type { StrategyView } from '../../strategy/model';
import { normalizeStrategy } from '../../strategy/normalize';
import { EntryPointsSection } from './EntryPointsSection';
import { HoursSection } from './HoursSection';
import { IvrSection } from './IvrSection';
import { OrganisationSection } from './OrganisationSection';
import { QueuesSection } from './QueuesSection';
import { FieldsSection, GroupsSection, SurveysSection } from './ResourcesSection';
import { RoutesSection } from './RoutesSection';
import { ServiceLevelsSection } from './ServiceLevelsSection';
import { SegmentsSection, TypesSection } from './TypesSection';
import { txtString } from './util';

type State = { kind: 'loading' } | { kind: 'loaded'; view: StrategyView } | { kind: 'failed'; result: ApiResult<unknown> & { ok: false } };

// The sections in page order, for the table of contents.
const CONTENTS: [string, MessageKey][] = [
  ['organisation', 'strategy.org.title'],
  ['entry-points', 'strategy.entry.title'],
  ['hours', 'strategy.hours.title'],
  ['types', 'strategy.types.title'],
  ['segments', 'strategy.segments.title'],
  ['fields', 'strategy.fields.title'],
  ['queues', 'strategy.queues.title'],
  ['agent-groups', 'strategy.groups.title'],
  ['routes', 'strategy.routes.title'],
  ['ivr', 'strategy.ivr.title'],
  ['service-levels', 'strategy.slo.title'],
  ['surveys', 'strategy.surveys.title'],
];

// Buttons, not #anchors: the hash holds the route. Moves focus to the
// section's heading so keyboard users continue from there.
function Contents() {
  const jump = (id: string) => {
    const h = document.getElementById(`${id}-title`);
    h?.scrollIntoView({ block: 'start' });
    h?.focus();
  };
  return (
    <nav class="toc" aria-label={t('strategy.contents')}>
      <ul>
        {CONTENTS.map(([id, key]) => (
          <li>
            <button type="button" class="link" onClick={() => jump(id)}>
              {t(key)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function StrategyBody({ view }: { view: StrategyView }) {
  if (view.empty) {
    return (
      <p class="notice" data-testid="strategy-empty">
        {t('strategy.empty')}
      </p>
    );
  }
  const locale = getLocale();
  const orgName = txtString(view.organisation.name, view.organisation.id);
  return (
    <>
      {orgName && (
        <p class="org-name" data-testid="org-name" dir="auto">
          {orgName}
        </p>
      )}
      <p class="summary">
        {t('strategy.summary', {
          queues: formatNumber(view.queues.length, locale),
          routes: formatNumber(view.routes.length, locale),
          entries: formatNumber(view.entryPoints.length, locale),
        })}
      </p>
      <Contents />
      <OrganisationSection view={view} />
      <EntryPointsSection entries={view.entryPoints} />
      <HoursSection schedules={view.schedules} holidays={view.holidays} />
      <TypesSection types={view.types} />
      <SegmentsSection segments={view.segments} />
      <FieldsSection fields={view.fields} />
      <QueuesSection queues={view.queues} />
      <GroupsSection view={view} />
      <RoutesSection routes={view.routes} />
      <IvrSection menus={view.ivrMenus} />
      <ServiceLevelsSection levels={view.serviceLevels} />
      <SurveysSection surveys={view.surveys} />
    </>
  );
}

export function StrategyFailure({ result }: { result: ApiResult<unknown> & { ok: false } }) {
  if (result.status === 404) return <p class="notice" data-testid="strategy-none">{t('strategy.none')}</p>;
  return (
    <p class="error" role="alert">
      {result.status === 0 ? t('common.errorNetwork') : t('common.errorHttp', { status: formatNumber(result.status, getLocale()), message: result.message })}
    </p>
  );
}

export function StrategyScreen() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const result = await getJson('/api/v1/strategy');
    setState(result.ok ? { kind: 'loaded', view: normalizeStrategy(result.data) } : { kind: 'failed', result });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div class="screen wide" data-state={state.kind}>
      <div class="screen-head">
        <h1>{t('strategy.title')}</h1>
        <button type="button" onClick={() => void load()} disabled={state.kind === 'loading'}>
          {t('strategy.refresh')}
        </button>
      </div>
      <p class="muted">{t('strategy.intro')}</p>
      {state.kind === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.kind === 'failed' && <StrategyFailure result={state.result} />}
      {state.kind === 'loaded' && <StrategyBody view={state.view} />}
    </div>
  );
}
