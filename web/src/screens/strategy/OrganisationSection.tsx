import type { ComponentChildren } from 'preact';
import { Code, CodeList } from '../../components/Code';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatCivilDate, formatDuration, localizeDigits } from '../../format';
import { getLocale, t, tDynamic, type MessageKey } from '../../i18n';
import type { StrategyView } from '../../strategy/model';
import { none, txt } from './util';

export function OrganisationSection({ view }: { view: StrategyView }) {
  const o = view.organisation;
  const g = view.governance;
  const locale = getLocale();
  const rows: [MessageKey, ComponentChildren][] = [
    ['strategy.org.name', txt(o.name, o.id)],
    ['strategy.org.id', o.id ? <Code>{o.id}</Code> : none()],
    ['strategy.org.timeZone', o.timeZone ? <Code>{o.timeZone}</Code> : none()],
    ['strategy.org.calendar', o.calendar ? tDynamic(`calendar.${o.calendar}`, o.calendar) : none()],
    ['strategy.org.locales', <CodeList items={o.locales} empty={t('common.none')} />],
    ['strategy.org.businessHours', o.businessHours ? <Code>{o.businessHours}</Code> : none()],
    ['strategy.org.version', g.version ? localizeDigits(g.version, locale) : none()],
    ['strategy.org.owner', g.owner ? <span dir="auto">{g.owner}</span> : none()],
    ['strategy.org.lastReview', g.lastReview ? formatCivilDate(g.lastReview, locale) : none()],
    ['strategy.org.reviewEvery', g.reviewEvery ? formatDuration(g.reviewEvery, locale) : none()],
    [
      'strategy.org.sectionOwners',
      g.sectionOwners.length === 0 ? none() : (
        <ul class="plain">
          {g.sectionOwners.map(([section, owner]) => (
            <li dir="auto">{t('strategy.org.sectionOwner', { section, owner })}</li>
          ))}
        </ul>
      ),
    ],
  ];
  return (
    <Section id="organisation" title={t('strategy.org.title')}>
      <DataTable
        caption={t('strategy.org.title')}
        captionHidden
        columns={[
          { header: t('strategy.org.property'), cell: (r) => t(r[0]) },
          { header: t('strategy.org.value'), cell: (r) => r[1] },
        ]}
        rows={rows}
        rowKey={(r) => r[0]}
      />
    </Section>
  );
}
