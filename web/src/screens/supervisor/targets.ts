// Each queue's service-level target, read from the strategy the way the
// engine's bridge (src/engine/bridge/from_strategy.cc) picks the queue's
// threshold: the first routing rule that sends contacts to the queue gives a
// type and a channel (its first of each, "*" when it names none); the most
// specific `service_levels` entry matching them (fewest wildcards, the
// earliest in the file on a tie, segment "*") is the target. A queue no
// rule reaches, or whose rule has no matching entry, gets DEFAULT_TARGET.
import type { ServiceLevel, StrategyView } from '../../strategy/model';
import type { Text } from '../../strategy/read';

export interface QueueTarget {
  percent: number; // 0..100
  thresholdS: number | undefined;
  business: boolean; // counted in business hours (the engine measures elapsed time)
  fromStrategy: boolean;
}

export const DEFAULT_TARGET: QueueTarget = { percent: 80, thresholdS: 20, business: false, fromStrategy: false };

export function serviceLevelFor(levels: readonly ServiceLevel[], type: string, channel: string, segment: string): ServiceLevel | undefined {
  let best: ServiceLevel | undefined;
  let bestWild = 4;
  for (const sl of levels) {
    const t = sl.type || '*';
    const c = sl.channel || '*';
    const s = sl.segment || '*';
    if ((t !== '*' && t !== type) || (c !== '*' && c !== channel) || (s !== '*' && s !== segment)) continue;
    const wild = Number(t === '*') + Number(c === '*') + Number(s === '*');
    if (wild < bestWild) {
      best = sl;
      bestWild = wild;
    }
  }
  return best;
}

export function queueTarget(view: Pick<StrategyView, 'routes' | 'serviceLevels'>, queue: string): QueueTarget {
  const rule = view.routes.find((r) => r.queue === queue);
  if (!rule) return DEFAULT_TARGET;
  const sl = serviceLevelFor(view.serviceLevels, rule.types[0] ?? '*', rule.channels[0] ?? '*', '*');
  if (!sl || sl.percent === undefined) return DEFAULT_TARGET;
  return { percent: sl.percent, thresholdS: sl.threshold, business: sl.business, fromStrategy: true };
}

export interface QueueInfo {
  name: Text | undefined;
  target: QueueTarget;
}

// Names and targets of every queue of the strategy, by id.
export function queueInfo(view: Pick<StrategyView, 'queues' | 'routes' | 'serviceLevels'> | undefined): Record<string, QueueInfo> {
  const out: Record<string, QueueInfo> = {};
  if (!view) return out;
  for (const q of view.queues) out[q.id] = { name: q.name, target: queueTarget(view, q.id) };
  return out;
}
