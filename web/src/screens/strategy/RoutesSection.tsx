import { Code, CodeList } from '../../components/Code';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatDuration, formatNumber } from '../../format';
import { getLocale, t } from '../../i18n';
import type { Fallback, Route, SkillLevel } from '../../strategy/model';
import { NotProvided, label, n, none, tNodes, txtString } from './util';

function skills(list: SkillLevel[]): string {
  const locale = getLocale();
  return list
    .map((s) => (s.level === undefined ? s.skill : t('strategy.routes.skillLevel', { skill: s.skill, level: formatNumber(s.level, locale) })))
    .join(locale === 'fa' ? '، ' : ', ');
}

function after(seconds: number | undefined): string {
  return seconds === undefined ? t('common.none') : formatDuration(seconds, getLocale());
}

function Match({ r }: { r: Route }) {
  // [heading, values, shown as identifiers?]
  const parts: [string, string[], boolean][] = [
    [t('strategy.routes.types'), r.types, true],
    [t('strategy.routes.channels'), r.channels.map((c) => label('channel', c)), false],
    [t('strategy.routes.segments'), r.segments, true],
    [t('strategy.routes.fields'), r.fields.map((f) => `${f.field} = ${f.values.join(' | ')}`), true],
  ];
  const given = parts.filter(([, v]) => v.length > 0);
  if (given.length === 0) return <span class="muted">{t('common.any')}</span>;
  return (
    <dl class="inline-dl">
      {given.map(([k, v, ids]) => (
        <>
          <dt>{k}</dt>
          <dd>{ids ? <CodeList items={v} empty="" /> : v.join(getLocale() === 'fa' ? '، ' : ', ')}</dd>
        </>
      ))}
    </dl>
  );
}

function Target({ r }: { r: Route }) {
  if (r.queue) return <>{tNodes('strategy.routes.toQueue', { queue: <Code>{r.queue}</Code> })}</>;
  if (r.transfer) return <>{tNodes('strategy.routes.toPartner', { partner: <Code>{r.transfer}</Code> })}</>;
  return none();
}

function fallback(f: Fallback | undefined) {
  if (!f || !f.kind) return none();
  const msg = txtString(f.message);
  return (
    <>
      {label('fallback', f.kind)}
      {f.partner && <> <Code>{f.partner}</Code></>}
      {msg && <span class="muted" dir="auto"> — {msg}</span>}
    </>
  );
}

export function RoutesSection({ routes }: { routes: Route[] }) {
  const locale = getLocale();
  return (
    <Section id="routes" title={t('strategy.routes.title')}>
      {routes.length === 0 ? (
        <NotProvided />
      ) : (
        <>
          <p class="muted">{t('strategy.routes.intro')}</p>
          <DataTable
            caption={t('strategy.routes.title')}
            captionHidden
            rows={routes}
            rowKey={(r, i) => r.id || String(i)}
            columns={[
              { header: t('strategy.routes.order'), cell: (_r, i) => formatNumber(i + 1, locale) },
              { header: t('strategy.routes.id'), cell: (r) => (r.id ? <Code>{r.id}</Code> : none()) },
              { header: t('strategy.routes.match'), cell: (r) => <Match r={r} /> },
              { header: t('strategy.routes.target'), cell: (r) => <Target r={r} /> },
              { header: t('strategy.routes.skills'), cell: (r) => (r.skills.length ? <span dir="auto">{skills(r.skills)}</span> : none()) },
              { header: t('strategy.routes.priority'), cell: (r) => n(r.priority) },
              {
                header: t('strategy.routes.overflow'),
                cell: (r) => (
                  <>
                    {r.overflow?.queue ? t('strategy.routes.overflowTo', { queue: r.overflow.queue, after: after(r.overflow.after) }) : r.relax.length === 0 && none()}
                    {r.relax.map((x) => (
                      <div>{t('strategy.routes.relax', { after: after(x.after), skills: skills(x.skills) })}</div>
                    ))}
                  </>
                ),
              },
              { header: t('strategy.routes.afterHours'), cell: (r) => fallback(r.afterHours) },
              { header: t('strategy.routes.noAgents'), cell: (r) => fallback(r.noAgents) },
            ]}
          />
        </>
      )}
    </Section>
  );
}
