import { Code } from '../../components/Code';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { localizeDigits } from '../../format';
import { getLocale, t } from '../../i18n';
import type { IvrMenu, IvrOption } from '../../strategy/model';
import { NotProvided, dur, label, n, tNodes, txt } from './util';

function Option({ o }: { o: IvrOption }) {
  const locale = getLocale();
  return (
    <li>
      {tNodes('strategy.ivr.option', {
        digit: <kbd>{localizeDigits(o.digit, locale)}</kbd>,
        say: txt(o.say),
        action: o.action ? label('ivrAction', o.action) : '',
        target: o.target ? <Code>{o.target}</Code> : '',
      })}
      {o.collect && <span class="muted"> ({tNodes('strategy.ivr.collects', { field: <Code>{o.collect}</Code> })})</span>}
    </li>
  );
}

export function IvrSection({ menus }: { menus: IvrMenu[] }) {
  return (
    <Section id="ivr" title={t('strategy.ivr.title')}>
      {menus.length === 0 ? (
        <NotProvided />
      ) : (
        <DataTable
          caption={t('strategy.ivr.title')}
          captionHidden
          rows={menus}
          rowKey={(m) => m.id}
          columns={[
            { header: t('strategy.ivr.menu'), cell: (m) => <Code>{m.id}</Code> },
            { header: t('strategy.ivr.prompt'), cell: (m) => txt(m.prompt) },
            {
              header: t('strategy.ivr.options'),
              cell: (m) => (
                <ul class="plain">
                  {m.options.map((o) => (
                    <Option o={o} />
                  ))}
                </ul>
              ),
            },
            { header: t('strategy.ivr.timeout'), cell: (m) => dur(m.timeout) },
            { header: t('strategy.ivr.retries'), cell: (m) => n(m.maxRetries) },
          ]}
        />
      )}
    </Section>
  );
}
