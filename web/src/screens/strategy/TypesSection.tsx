import { Code, CodeList } from '../../components/Code';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatNumber } from '../../format';
import { getLocale, t } from '../../i18n';
import type { Condition, InteractionType, Segment } from '../../strategy/model';
import { NotProvided, label, n, none, txt, yesNo } from './util';

function info(ty: InteractionType) {
  if (ty.information.length === 0) return none();
  return (
    <ul class="plain">
      {ty.information.map((f) => (
        <li>{f.required ? t('strategy.types.required', { field: f.field }) : f.field}</li>
      ))}
    </ul>
  );
}

function condition(c: Condition): string {
  const value = c.number !== undefined && c.values.length === 0 ? formatNumber(c.number, getLocale()) : c.values.join(' | ');
  return `${c.attribute} ${label('op', c.op)} ${value}`.trim();
}

export function TypesSection({ types }: { types: InteractionType[] }) {
  return (
    <Section id="types" title={t('strategy.types.title')}>
      {types.length === 0 ? (
        <NotProvided />
      ) : (
        <DataTable
          caption={t('strategy.types.title')}
          captionHidden
          rows={types}
          rowKey={(x) => x.id}
          columns={[
            { header: t('strategy.types.id'), cell: (x) => <Code>{x.id}</Code> },
            { header: t('strategy.types.name'), cell: (x) => txt(x.name) },
            { header: t('strategy.types.kind'), cell: (x) => (x.kind ? label('caseKind', x.kind) : none()) },
            { header: t('strategy.types.priority'), cell: (x) => n(x.priority) },
            { header: t('strategy.types.opensCase'), cell: (x) => yesNo(x.opensCase) },
            { header: t('strategy.types.information'), cell: info },
          ]}
        />
      )}
    </Section>
  );
}

export function SegmentsSection({ segments }: { segments: Segment[] }) {
  return (
    <Section id="segments" title={t('strategy.segments.title')}>
      {segments.length === 0 ? (
        <NotProvided />
      ) : (
        <DataTable
          caption={t('strategy.segments.title')}
          captionHidden
          rows={segments}
          rowKey={(s) => s.id}
          columns={[
            { header: t('strategy.segments.id'), cell: (s) => <Code>{s.id}</Code> },
            { header: t('strategy.segments.name'), cell: (s) => txt(s.name) },
            { header: t('strategy.segments.priority'), cell: (s) => n(s.priority) },
            {
              header: t('strategy.segments.when'),
              cell: (s) =>
                s.when.length === 0 ? t('strategy.segments.everyone') : <CodeList items={s.when.map(condition)} empty="" />,
            },
            { header: t('strategy.segments.queue'), cell: (s) => (s.queue ? <Code>{s.queue}</Code> : none()) },
          ]}
        />
      )}
    </Section>
  );
}
