import type { ComponentChildren } from 'preact';
// Small display helpers shared by the strategy sections.
import { formatDuration, formatNumber } from '../../format';
import { getLocale, t, tDynamic, type MessageKey } from '../../i18n';
import { pickText, type Text } from '../../strategy/read';

export const none = () => <span class="muted">{t('common.none')}</span>;

export function dur(seconds: number | undefined) {
  return seconds === undefined ? none() : formatDuration(seconds, getLocale());
}

export function n(value: number | undefined) {
  return value === undefined ? none() : formatNumber(value, getLocale());
}

export function yesNo(value: boolean | undefined) {
  return value === undefined ? none() : value ? t('common.yes') : t('common.no');
}

// A person-facing text in the current language, falling back to the other.
export function txt(value: Text, fallback = '') {
  const s = pickText(value, getLocale()) || fallback;
  return s ? <span dir="auto">{s}</span> : none();
}

export function txtString(value: Text, fallback = ''): string {
  return pickText(value, getLocale()) || fallback;
}

// An enum value from the server ("walk_in") as a label; unknown values show
// as they are.
export function label(group: 'channel' | 'selection' | 'fallback' | 'ivrAction' | 'caseKind' | 'op', value: string): string {
  return value ? tDynamic(`enum.${group}.${value}`, value) : t('common.none');
}

export function NotProvided() {
  return <p class="muted not-provided">{t('common.notProvided')}</p>;
}

// A message whose placeholders are elements: tNodes('strategy.routes.toQueue',
// {queue: <Code>q1</Code>}).
export function tNodes(key: MessageKey, nodes: Record<string, ComponentChildren>) {
  return t(key)
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      return m && m[1] in nodes ? nodes[m[1]] : part;
    });
}
