// A YAML source with line numbers (always left to right), each line followed
// by its problems. With `problems`, only the lines around them are shown.
import { formatNumber, localizeDigits } from '../../format';
import { direction, getLocale, t } from '../../i18n';
import { annotateSource, excerpt, type Problem } from './strategyVersions';

export function SourceView({ source, problems = [], label }: { source: string; problems?: Problem[]; label: string }) {
  const locale = getLocale();
  const lines = annotateSource(source, problems);
  const shown = problems.length ? excerpt(lines) : lines;
  return (
    <ol class="source" aria-label={label} tabIndex={0} data-testid="source">
      {shown.map((l) =>
        l === null ? (
          <li class="gap" aria-hidden="true">
            <span class="ln" />
            <span class="tx">…</span>
          </li>
        ) : (
          <li class={l.problems.length ? 'bad' : undefined} data-line={l.n}>
            <span class="ln">{localizeDigits(String(l.n), locale)}</span>
            <span class="tx">{l.text || ' '}</span>
            {l.problems.map((p) => (
              <span class="msg" role="note" dir={direction(locale)}>
                <bdi>{t('admin.versions.problemAt', { line: formatNumber(p.line, locale), column: formatNumber(p.column, locale) })}</bdi>{' '}
                <bdi dir="ltr">{p.message}</bdi>
              </span>
            ))}
          </li>
        ),
      )}
    </ol>
  );
}
