// Turns the server's strategy JSON into a StrategyView. Tolerant by design:
// unknown fields are ignored, missing ones become empty, collections may be
// arrays or objects keyed by id, and names may follow the YAML file
// ("interaction_types", "routing", "ivr") or the compiled model ("types",
// "routes", "ivr_menus").
import type * as M from './model';
import { civilDate, holiday, schedule } from './hours';
import { bool, isObj, list, num, pick, seconds, str, strings, text, type Obj } from './read';

export { dayKeyIndices } from './hours';

function skillLevels(x: unknown): SkillLevelList {
  if (isObj(x) && !('skill' in x)) {
    return Object.entries(x).map(([skill, level]) => ({ skill, level: num(level) }));
  }
  return (Array.isArray(x) ? x : []).map((s) =>
    isObj(s) ? { skill: str(pick(s, 'skill', 'id')), level: num(pick(s, 'level')) } : { skill: str(s) },
  );
}
type SkillLevelList = M.SkillLevel[];

function fallback(x: unknown): M.Fallback | undefined {
  if (x === undefined || x === null) return undefined;
  if (typeof x === 'string') return { kind: x, partner: '', message: text('') };
  if (!isObj(x)) return undefined;
  return { kind: str(pick(x, 'kind', 'action')), partner: str(pick(x, 'partner', 'transfer')), message: text(pick(x, 'message')) };
}

function route(o: Obj): M.Route {
  const match = pick(o, 'match', 'when');
  const m = isObj(match) ? match : o;
  const overflow = pick(o, 'overflow');
  const fieldMatches = pick(m, 'fields');
  return {
    id: str(pick(o, 'id')),
    types: strings(pick(m, 'types', 'type')),
    channels: strings(pick(m, 'channels', 'channel')),
    segments: strings(pick(m, 'segments', 'segment')),
    fields: isObj(fieldMatches) && !Array.isArray(fieldMatches)
      ? Object.entries(fieldMatches).map(([field, v]) => ({ field, values: strings(v) }))
      : list(fieldMatches).map((f) => ({ field: str(pick(f, 'field', 'id')), values: strings(pick(f, 'values', 'value')) })),
    queue: str(pick(o, 'queue')),
    transfer: str(pick(o, 'transfer')),
    skills: skillLevels(pick(o, 'skills')),
    priority: num(pick(o, 'priority')),
    relax: list(pick(o, 'relax')).map((r) => ({ after: seconds(pick(r, 'after', 'after_s')), skills: skillLevels(pick(r, 'skills')) })),
    overflow: isObj(overflow)
      ? { after: seconds(pick(overflow, 'after', 'after_s')), queue: str(pick(overflow, 'queue')) }
      : undefined,
    afterHours: fallback(pick(o, 'after_hours')),
    noAgents: fallback(pick(o, 'no_agents')),
  };
}

const IVR_ACTIONS = ['set_type', 'submenu', 'transfer', 'route', 'agent', 'repeat'];

function ivrMenu(o: Obj): M.IvrMenu {
  const options = pick(o, 'options');
  // YAML style may key options by digit: {"1": {...}}.
  const opts = Array.isArray(options)
    ? options.filter(isObj)
    : isObj(options) ? Object.entries(options).map(([digit, v]) => ({ digit, ...(isObj(v) ? v : {}) })) : [];
  return {
    id: str(pick(o, 'id')),
    prompt: text(pick(o, 'prompt')),
    timeout: seconds(pick(o, 'timeout', 'timeout_s')),
    maxRetries: num(pick(o, 'max_retries')),
    options: opts.map((op) => {
      const collect = pick(op, 'collect');
      // YAML style names the action as a key: {submenu: roadside}, {agent: true}.
      const actionKey = IVR_ACTIONS.find((a) => pick(op, a) !== undefined);
      const keyed = actionKey ? pick(op, actionKey) : undefined;
      return {
        digit: str(pick(op, 'digit', 'key', 'id')),
        say: text(pick(op, 'say', 'label')),
        action: str(pick(op, 'action')) || actionKey || '',
        target: str(pick(op, 'target')) || (typeof keyed === 'string' ? keyed : ''),
        collect: isObj(collect) ? str(pick(collect, 'field')) : str(collect),
      };
    }),
  };
}

// "80% in 20s", "90% in 8h business".
const SLO_TARGET = /^\s*(\d+(?:\.\d+)?)\s*%\s*in\s+(\S+)(\s+business)?\s*$/i;

function serviceLevel(o: Obj, businessHours: string): M.ServiceLevel {
  const business = pick(o, 'business');
  const target = pick(o, 'target');
  const m = typeof target === 'string' ? SLO_TARGET.exec(target) : null;
  const isBusiness = Boolean(m?.[3]) || (bool(business) ?? (typeof business === 'string' && business !== ''));
  return {
    type: str(pick(o, 'type')) || '*',
    channel: str(pick(o, 'channel')) || '*',
    segment: str(pick(o, 'segment')) || '*',
    percent: m ? Number(m[1]) : num(pick(o, 'percent', 'target')),
    threshold: m ? seconds(m[2]) : seconds(pick(o, 'threshold', 'threshold_s', 'within', 'threshold_seconds')),
    business: isBusiness,
    hours: str(pick(o, 'hours')) || (typeof business === 'string' ? business : '') || (isBusiness ? businessHours : ''),
  };
}

function entryPoint(o: Obj): M.EntryPoint {
  return {
    id: str(pick(o, 'id')),
    name: text(pick(o, 'name')),
    channel: str(pick(o, 'channel')),
    address: str(pick(o, 'address', 'number', 'url', 'account', 'location')),
    platform: str(pick(o, 'platform')),
    hours: str(pick(o, 'hours')),
    ivr: str(pick(o, 'ivr')),
    type: str(pick(o, 'type')),
  };
}

// {required: [a], optional: [b]} or {a: "required", b: "optional"}.
function informationMap(info: Obj): { field: string; required: boolean }[] {
  if (Array.isArray(info.required) || Array.isArray(info.optional)) {
    return [
      ...strings(info.required).map((field) => ({ field, required: true })),
      ...strings(info.optional).map((field) => ({ field, required: false })),
    ];
  }
  return Object.entries(info).map(([field, v]) => ({ field, required: v === 'required' || v === true }));
}

function interactionType(o: Obj): M.InteractionType {
  const info = pick(o, 'information');
  const items = Array.isArray(info)
    ? info.map((f) => (isObj(f) ? { field: str(pick(f, 'field', 'id')), required: bool(pick(f, 'required')) ?? false } : { field: str(f), required: false }))
    : isObj(info) ? informationMap(info) : [];
  return {
    id: str(pick(o, 'id')),
    name: text(pick(o, 'name')),
    kind: str(pick(o, 'kind')),
    priority: num(pick(o, 'priority')),
    opensCase: bool(pick(o, 'opens_case')),
    hours: str(pick(o, 'hours')),
    information: items,
  };
}

const OPS = ['is', 'is_not', 'in', 'not_in', 'at_least', 'at_most', 'above', 'below', 'present'];

// [{attribute, op, values}] or YAML style {value_tier: {in: [gold]}, province: tehran}.
function conditions(x: unknown): M.Condition[] {
  if (Array.isArray(x)) {
    return x.filter(isObj).map((c) => ({
      attribute: str(pick(c, 'attribute')),
      op: str(pick(c, 'op')) || 'is',
      values: strings(pick(c, 'values', 'value')),
      number: num(pick(c, 'number')),
    }));
  }
  if (!isObj(x)) return [];
  return Object.entries(x).map(([attribute, v]) => {
    if (isObj(v)) {
      const op = OPS.find((k) => k in v) ?? Object.keys(v)[0] ?? 'is';
      const value = v[op];
      if (op === 'present') return { attribute, op, values: [] };
      return typeof value === 'number' ? { attribute, op, values: [], number: value } : { attribute, op, values: strings(value) };
    }
    return { attribute, op: Array.isArray(v) ? 'in' : 'is', values: strings(v) };
  });
}

function segment(o: Obj): M.Segment {
  return {
    id: str(pick(o, 'id')),
    name: text(pick(o, 'name')),
    priority: num(pick(o, 'priority')),
    when: conditions(pick(o, 'when')),
    queue: str(pick(o, 'queue')),
    implicit: bool(pick(o, 'implicit')) ?? false,
  };
}

function field(o: Obj): M.Field {
  return {
    id: str(pick(o, 'id')),
    name: text(pick(o, 'name')),
    type: str(pick(o, 'type')),
    privacy: str(pick(o, 'privacy')),
    pattern: str(pick(o, 'pattern')),
    minLength: num(pick(o, 'min_length')) || undefined,
    maxLength: num(pick(o, 'max_length')) || undefined,
    choices: strings(pick(o, 'choices')),
    reported: bool(pick(o, 'reported')),
  };
}

function survey(o: Obj): M.Survey {
  const when = pick(o, 'when');
  const m = isObj(when) ? when : o;
  return {
    id: str(pick(o, 'id')),
    types: strings(pick(m, 'types', 'type')),
    channels: strings(pick(m, 'channels', 'channel')),
    samplePercent: num(pick(o, 'sample_percent')),
    questions: list(pick(o, 'questions')).map((q) => ({
      id: str(pick(q, 'id')),
      scale: str(pick(q, 'scale')),
      prompt: text(pick(q, 'prompt', 'question')),
    })),
  };
}

export function normalizeStrategy(raw: unknown): M.StrategyView {
  let s: unknown = raw;
  const inner = pick(raw, 'strategy');
  if (isObj(inner) && pick(raw, 'organisation', 'organization') === undefined) s = inner;
  const org = pick(s, 'organisation', 'organization');
  const gov = pick(s, 'governance');
  const routing = pick(s, 'routes', 'routing');
  const view: M.StrategyView = {
    empty: false,
    organisation: {
      id: str(pick(org, 'id')),
      name: text(pick(org, 'name')),
      timeZone: str(pick(org, 'time_zone', 'timezone')),
      calendar: str(pick(org, 'calendar')),
      locales: strings(pick(org, 'locales')),
      businessHours: str(pick(org, 'business_hours')),
    },
    governance: {
      version: str(pick(gov, 'version')),
      owner: str(pick(gov, 'owner')),
      lastReview: civilDate(pick(gov, 'last_review')),
      reviewEvery: seconds(pick(gov, 'review_every_s', 'review_every', 'review_interval')),
      sectionOwners: Object.entries((pick(gov, 'owners', 'section_owners') ?? {}) as object)
        .map(([k, v]): [string, string] => [k, str(v)])
        .filter(([, v]) => v !== ''),
    },
    schedules: list(pick(s, 'schedules', 'hours')).map(schedule),
    holidays: list(pick(s, 'holidays')).map(holiday),
    queues: list(pick(s, 'queues')).map((q) => ({
      id: str(pick(q, 'id')),
      name: text(pick(q, 'name')),
      selection: str(pick(q, 'selection')),
      maxSize: num(pick(q, 'max_size')),
      offerTimeout: seconds(pick(q, 'offer_timeout', 'offer_timeout_s')),
      wrapUp: seconds(pick(q, 'wrap_up', 'wrap_up_s')),
      hours: str(pick(q, 'hours')),
      groups: strings(pick(q, 'groups', 'agent_groups')),
    })),
    routes: list(isObj(routing) && pick(routing, 'rules') ? pick(routing, 'rules') : routing).map(route),
    ivrMenus: list(pick(s, 'ivr_menus', 'ivr')).map(ivrMenu),
    serviceLevels: list(pick(s, 'service_levels')).map((x) => serviceLevel(x, str(pick(org, 'business_hours')))),
    entryPoints: list(pick(s, 'entry_points')).map(entryPoint),
    types: list(pick(s, 'types', 'interaction_types')).map(interactionType),
    segments: list(pick(s, 'segments')).map(segment),
    fields: list(pick(s, 'fields')).map(field),
    skills: list(pick(s, 'skills')).map((k) => ({ id: str(pick(k, 'id')), name: text(pick(k, 'name')) })),
    agentGroups: list(pick(s, 'agent_groups')).map((g) => ({
      id: str(pick(g, 'id')),
      name: text(pick(g, 'name')),
      skills: skillLevels(pick(g, 'skills')),
    })),
    partners: list(pick(s, 'partners')).map((p) => ({
      id: str(pick(p, 'id')),
      name: text(pick(p, 'name')),
      number: str(pick(p, 'number', 'address')),
      hours: str(pick(p, 'hours')),
    })),
    surveys: list(pick(s, 'surveys')).map(survey),
  };
  const o = view.organisation;
  view.empty =
    !o.id && !o.name.fa && !o.name.en &&
    [view.schedules, view.holidays, view.queues, view.routes, view.ivrMenus, view.serviceLevels, view.entryPoints, view.types, view.segments,
      view.fields, view.agentGroups, view.partners, view.surveys]
      .every((a) => a.length === 0);
  return view;
}
