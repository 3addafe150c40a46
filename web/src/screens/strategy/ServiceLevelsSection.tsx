import type { ComponentChildren } from 'preact';
import { Code } from '../../components/Code';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatDuration, formatPercent } from '../../format';
import { getLocale, t } from '../../i18n';
import type { ServiceLevel } from '../../strategy/model';
import { NotProvided, label, none, tNodes } from './util';

function any(value: string, show: (v: string) => ComponentChildren) {
  return value === '*' || !value ? <span class="muted">{t('common.any')}</span> : show(value);
}

function target(s: ServiceLevel) {
  if (s.percent === undefined || s.threshold === undefined) return none();
  const locale = getLocale();
  return t('strategy.slo.targetValue', { percent: formatPercent(s.percent, locale), threshold: formatDuration(s.threshold, locale) });
}

export function ServiceLevelsSection({ levels }: { levels: ServiceLevel[] }) {
  return (
    <Section id="service-levels" title={t('strategy.slo.title')}>
      {levels.length === 0 ? (
        <NotProvided />
      ) : (
        <DataTable
          caption={t('strategy.slo.title')}
          captionHidden
          rows={levels}
          columns={[
            { header: t('strategy.slo.type'), cell: (s) => any(s.type, (v) => <Code>{v}</Code>) },
            { header: t('strategy.slo.channel'), cell: (s) => any(s.channel, (v) => label('channel', v)) },
            { header: t('strategy.slo.segment'), cell: (s) => any(s.segment, (v) => <Code>{v}</Code>) },
            { header: t('strategy.slo.target'), cell: target },
            {
              header: t('strategy.slo.clock'),
              cell: (s) => (s.business ? tNodes('strategy.slo.business', { hours: <Code>{s.hours || t('common.none')}</Code> }) : t('strategy.slo.calendarTime')),
            },
          ]}
        />
      )}
    </Section>
  );
}
