import { Code } from '../../components/Code';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { t } from '../../i18n';
import type { EntryPoint } from '../../strategy/model';
import { NotProvided, label, none, txt } from './util';

const code = (v: string) => (v ? <Code>{v}</Code> : none());

export function EntryPointsSection({ entries }: { entries: EntryPoint[] }) {
  return (
    <Section id="entry-points" title={t('strategy.entry.title')}>
      {entries.length === 0 ? (
        <NotProvided />
      ) : (
        <DataTable
          caption={t('strategy.entry.title')}
          captionHidden
          rows={entries}
          rowKey={(e) => e.id}
          columns={[
            { header: t('strategy.entry.id'), cell: (e) => <Code>{e.id}</Code> },
            { header: t('strategy.entry.name'), cell: (e) => txt(e.name) },
            { header: t('strategy.entry.channel'), cell: (e) => (e.channel ? label('channel', e.channel) : none()) },
            { header: t('strategy.entry.address'), cell: (e) => code([e.platform, e.address].filter(Boolean).join(' ')) },
            { header: t('strategy.entry.hours'), cell: (e) => code(e.hours) },
            { header: t('strategy.entry.ivr'), cell: (e) => code(e.ivr) },
            { header: t('strategy.entry.type'), cell: (e) => code(e.type) },
          ]}
        />
      )}
    </Section>
  );
}
