// What the desk reads once per page: the strategy (interaction types and
// their information fields, queues with wrap-up times, names) and the case
// taxonomy (kinds, categories, departments). Cached promises.
import { get } from '../../api/session';
import type { Locale } from '../../i18n';
import type { FieldDef, TypeDef } from './fields';

export type Names = { fa?: string; en?: string };

export interface QueueDef {
  id: string;
  name: Names;
  wrap_up_s?: number;
  offer_timeout_s?: number;
}

export interface StrategyInfo {
  types: TypeDef[];
  fields: FieldDef[];
  queues: QueueDef[];
  // Not-ready reasons of the strategy, when it names any.
  reasons: string[];
  segments: { id: string; name?: Names }[];
}

export interface Taxonomy {
  kinds: string[];
  categories: { id: string; parent: string; name: Names }[];
  departments: { id: string; name: Names }[];
}

let strategy: Promise<StrategyInfo> | null = null;
let taxonomy: Promise<Taxonomy> | null = null;

export function loadStrategy(): Promise<StrategyInfo> {
  strategy ??= get<Record<string, unknown>>('/api/v1/strategy').then((r) => {
    const s = r.ok ? r.data : {};
    const arr = <T>(k: string): T[] => (Array.isArray(s[k]) ? (s[k] as T[]) : []);
    const reasons = arr<unknown>('not_ready_reasons')
      .map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x && 'id' in x ? String((x as { id: unknown }).id) : ''))
      .filter(Boolean);
    if (!r.ok) strategy = null;
    return { types: arr<TypeDef>('interaction_types'), fields: arr<FieldDef>('fields'), queues: arr<QueueDef>('queues'), reasons, segments: arr('segments') };
  });
  return strategy;
}

export function loadTaxonomy(): Promise<Taxonomy> {
  taxonomy ??= get<Taxonomy>('/api/v1/case-taxonomy').then((r) => {
    if (!r.ok) {
      taxonomy = null;
      return { kinds: [], categories: [], departments: [] };
    }
    return { kinds: r.data.kinds ?? [], categories: r.data.categories ?? [], departments: r.data.departments ?? [] };
  });
  return taxonomy;
}

export function nameOf(n: Names | string | undefined, locale: Locale, fallback: string): string {
  if (typeof n === 'string') return n || fallback;
  return n?.[locale] || n?.fa || n?.en || fallback;
}

// Used when the strategy names no not-ready reasons.
export const FIXED_REASONS = ['break', 'lunch', 'meeting', 'training', 'coaching', 'after_call_work', 'technical'];
// The strategy has no disposition codes yet: the desk offers these.
export const DISPOSITIONS = ['resolved', 'information_given', 'case_opened', 'follow_up', 'transferred', 'no_response', 'other'];
