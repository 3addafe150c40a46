import { Code, CodeList } from '../../components/Code';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { t } from '../../i18n';
import type { Queue } from '../../strategy/model';
import { NotProvided, dur, label, n, none, txt } from './util';

export function QueuesSection({ queues }: { queues: Queue[] }) {
  return (
    <Section id="queues" title={t('strategy.queues.title')}>
      {queues.length === 0 ? (
        <NotProvided />
      ) : (
        <DataTable
          caption={t('strategy.queues.title')}
          captionHidden
          rows={queues}
          rowKey={(q) => q.id}
          columns={[
            { header: t('strategy.queues.id'), cell: (q) => <Code>{q.id}</Code> },
            { header: t('strategy.queues.name'), cell: (q) => txt(q.name) },
            { header: t('strategy.queues.selection'), cell: (q) => (q.selection ? label('selection', q.selection) : none()) },
            {
              header: t('strategy.queues.maxSize'),
              cell: (q) => (q.maxSize === 0 ? t('strategy.queues.unbounded') : n(q.maxSize)),
            },
            { header: t('strategy.queues.offerTimeout'), cell: (q) => dur(q.offerTimeout) },
            { header: t('strategy.queues.wrapUp'), cell: (q) => dur(q.wrapUp) },
            { header: t('strategy.queues.hours'), cell: (q) => (q.hours ? <Code>{q.hours}</Code> : none()) },
            { header: t('strategy.queues.groups'), cell: (q) => <CodeList items={q.groups} empty={t('common.none')} /> },
          ]}
        />
      )}
    </Section>
  );
}
