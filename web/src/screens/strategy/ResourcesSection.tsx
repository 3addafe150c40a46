import type { ComponentChildren } from 'preact';
// Data capture fields, agent groups with their skills, partners and surveys.
import { Code, CodeList } from '../../components/Code';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatNumber, formatPercent } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';
import type { Field, StrategyView, Survey } from '../../strategy/model';
import { NotProvided, label, none, txt, txtString, yesNo } from './util';

function rules(f: Field) {
  const locale = getLocale();
  const parts: ComponentChildren[] = [];
  if (f.minLength !== undefined && f.minLength === f.maxLength) {
    parts.push(t('strategy.fields.exactLength', { count: formatNumber(f.minLength, locale) }));
  } else if (f.minLength !== undefined && f.maxLength !== undefined) {
    parts.push(t('strategy.fields.length', { min: formatNumber(f.minLength, locale), max: formatNumber(f.maxLength, locale) }));
  } else if (f.maxLength !== undefined) {
    parts.push(t('strategy.fields.maxLength', { max: formatNumber(f.maxLength, locale) }));
  }
  if (f.pattern) parts.push(<Code>{f.pattern}</Code>);
  if (f.choices.length) parts.push(<CodeList items={f.choices} empty="" />);
  return parts.length ? <ul class="plain">{parts.map((p) => <li>{p}</li>)}</ul> : none();
}

export function FieldsSection({ fields }: { fields: Field[] }) {
  return (
    <Section id="fields" title={t('strategy.fields.title')}>
      {fields.length === 0 ? (
        <NotProvided />
      ) : (
        <DataTable
          caption={t('strategy.fields.title')}
          captionHidden
          rows={fields}
          rowKey={(f) => f.id}
          columns={[
            { header: t('strategy.fields.id'), cell: (f) => <Code>{f.id}</Code> },
            { header: t('strategy.fields.name'), cell: (f) => txt(f.name) },
            { header: t('strategy.fields.type'), cell: (f) => (f.type ? tDynamic(`enum.fieldType.${f.type}`, f.type) : none()) },
            { header: t('strategy.fields.privacy'), cell: (f) => (f.privacy ? tDynamic(`enum.privacy.${f.privacy}`, f.privacy) : none()) },
            { header: t('strategy.fields.rules'), cell: rules },
            { header: t('strategy.fields.reported'), cell: (f) => yesNo(f.reported) },
          ]}
        />
      )}
    </Section>
  );
}

export function GroupsSection({ view }: { view: StrategyView }) {
  const locale = getLocale();
  const skillName = (id: string) => txtString(view.skills.find((k) => k.id === id)?.name ?? { fa: '', en: '' }, id);
  return (
    <Section id="agent-groups" title={t('strategy.groups.title')}>
      {view.agentGroups.length === 0 ? (
        <NotProvided />
      ) : (
        <DataTable
          caption={t('strategy.groups.title')}
          captionHidden
          rows={view.agentGroups}
          rowKey={(g) => g.id}
          columns={[
            { header: t('strategy.groups.id'), cell: (g) => <Code>{g.id}</Code> },
            { header: t('strategy.groups.name'), cell: (g) => txt(g.name) },
            {
              header: t('strategy.groups.skills'),
              cell: (g) =>
                g.skills.length === 0 ? none() : (
                  <ul class="plain">
                    {g.skills.map((s) => (
                      <li>
                        {s.level === undefined
                          ? skillName(s.skill)
                          : t('strategy.routes.skillLevel', { skill: skillName(s.skill), level: formatNumber(s.level, locale) })}
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      )}
      {view.partners.length > 0 && (
        <DataTable
          caption={t('strategy.partners.title')}
          rows={view.partners}
          rowKey={(p) => p.id}
          columns={[
            { header: t('strategy.partners.id'), cell: (p) => <Code>{p.id}</Code> },
            { header: t('strategy.partners.name'), cell: (p) => txt(p.name) },
            { header: t('strategy.partners.number'), cell: (p) => (p.number ? <Code>{p.number}</Code> : none()) },
            { header: t('strategy.partners.hours'), cell: (p) => (p.hours ? <Code>{p.hours}</Code> : none()) },
          ]}
        />
      )}
    </Section>
  );
}

function appliesTo(s: Survey) {
  const items = [...s.types, ...s.channels.map((c) => label('channel', c))];
  return items.length ? items.join(getLocale() === 'fa' ? '، ' : ', ') : <span class="muted">{t('common.any')}</span>;
}

export function SurveysSection({ surveys }: { surveys: Survey[] }) {
  return (
    <Section id="surveys" title={t('strategy.surveys.title')}>
      {surveys.length === 0 ? (
        <NotProvided />
      ) : (
        <DataTable
          caption={t('strategy.surveys.title')}
          captionHidden
          rows={surveys}
          rowKey={(s) => s.id}
          columns={[
            { header: t('strategy.surveys.id'), cell: (s) => <Code>{s.id}</Code> },
            { header: t('strategy.surveys.appliesTo'), cell: appliesTo },
            { header: t('strategy.surveys.sample'), cell: (s) => (s.samplePercent === undefined ? none() : formatPercent(s.samplePercent, getLocale())) },
            {
              header: t('strategy.surveys.questions'),
              cell: (s) => (
                <ul class="plain">
                  {s.questions.map((q) => (
                    <li>
                      <span class="muted">{tDynamic(`enum.scale.${q.scale}`, q.scale)}: </span>
                      {txt(q.prompt, q.id)}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}
