// Pieces shared by the inbox and the case view. The due status is never
// shown by colour alone: an icon and words go with it.
import { formatDateTime } from '../../format';
import { getLocale, t } from '../../i18n';
import { pickText, type Text } from '../../strategy/read';
import type { DueStatus } from './inbox';

export const DUE_ICON: Record<DueStatus, string> = { overdue: '⚠', soon: '⏰', ok: '✔', answered: '✉', none: '–' };

export function DueBadge({ status }: { status: DueStatus }) {
  return (
    <span class={`due due-${status}`} data-due={status}>
      <span aria-hidden="true">{DUE_ICON[status]}</span> {t(`backoffice.due.${status}`)}
    </span>
  );
}

export function when(ms: number | undefined): string {
  return ms === undefined ? t('common.none') : formatDateTime(new Date(ms), getLocale());
}

export function categoryLabel(id: string, names: Record<string, Text>): string {
  const n = names[id];
  return (n && pickText(n, getLocale())) || id || t('common.none');
}
