import { Code } from '../../components/Code';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { WEEK_ORDER, formatCivilDate, formatMinuteOfDay, formatMonthDay, formatWeekday, localizeDigits } from '../../format';
import { getLocale, t } from '../../i18n';
import type { Holiday, Range, Schedule } from '../../strategy/model';
import { NotProvided, none, tNodes, txt, yesNo } from './util';

function ranges(rs: Range[] | undefined) {
  if (rs === undefined) return none();
  if (rs.length === 0) return <span class="closed">{t('strategy.hours.closed')}</span>;
  const locale = getLocale();
  return (
    <span dir="ltr" class="ranges">
      {rs.map((r) => `${formatMinuteOfDay(r.start, locale)}–${formatMinuteOfDay(r.end, locale)}`).join(locale === 'fa' ? '، ' : ', ')}
    </span>
  );
}

function day(s: Schedule, d: number) {
  if (s.alwaysOpen) return t('strategy.hours.alwaysOpen');
  return ranges(s.week[d]);
}

function exceptions(s: Schedule) {
  if (s.exceptions.length === 0) return none();
  const locale = getLocale();
  return (
    <ul class="plain">
      {s.exceptions.map((e) => (
        <li>
          {tNodes('strategy.hours.exceptionDay', {
            date: /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? formatCivilDate(e.date, locale) : e.date,
            hours: ranges(e.ranges),
          })}
        </li>
      ))}
    </ul>
  );
}

function when(h: Holiday): string {
  const locale = getLocale();
  if (h.date) return localizeDigits(h.date, locale);
  if (!h.from) return t('common.none');
  const from = formatMonthDay(h.calendar, h.from[0], h.from[1], locale);
  const to = h.to && (h.to[0] !== h.from[0] || h.to[1] !== h.from[1]) ? formatMonthDay(h.calendar, h.to[0], h.to[1], locale) : '';
  const span = to ? `${from} – ${to}` : from;
  const year = h.year !== undefined ? localizeDigits(String(h.year), locale) : t('strategy.holidays.everyYear');
  return `${span} (${year})`;
}

export function HoursSection({ schedules, holidays }: { schedules: Schedule[]; holidays: Holiday[] }) {
  const locale = getLocale();
  return (
    <Section id="hours" title={t('strategy.hours.title')}>
      {schedules.length === 0 ? (
        <NotProvided />
      ) : (
        <DataTable
          caption={t('strategy.hours.title')}
          captionHidden
          rows={schedules}
          rowKey={(s) => s.id}
          columns={[
            { header: t('strategy.hours.schedule'), cell: (s) => <Code>{s.id}</Code> },
            ...WEEK_ORDER.map((d) => ({ header: formatWeekday(d, locale, 'short'), cell: (s: Schedule) => day(s, d) })),
            { header: t('strategy.hours.exceptions'), cell: exceptions },
            { header: t('strategy.hours.holidays'), cell: (s) => yesNo(s.closedOnHolidays) },
          ]}
        />
      )}
      {holidays.length > 0 && (
        <DataTable
          caption={t('strategy.holidays.title')}
          rows={holidays}
          columns={[
            { header: t('strategy.holidays.name'), cell: (h) => txt(h.name) },
            { header: t('strategy.holidays.calendar'), cell: (h) => t(h.calendar === 'persian' ? 'calendar.persian' : 'calendar.gregorian') },
            { header: t('strategy.holidays.when'), cell: (h) => when(h) },
          ]}
        />
      )}
    </Section>
  );
}
