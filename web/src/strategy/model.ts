// What the strategy screen shows: a normalised, fully optional view of the
// compiled strategy JSON (GET /api/v1/strategy). See normalize.ts for the
// field names accepted; docs/web.md for the expected shape.
import type { Text } from './read';

export interface Range {
  start: number; // minutes after local midnight
  end: number;
}

export interface Schedule {
  id: string;
  alwaysOpen: boolean;
  // Index 0 = Sunday .. 6 = Saturday; undefined = not given for that day.
  week: (Range[] | undefined)[];
  exceptions: { date: string; ranges: Range[] }[];
  closedOnHolidays?: boolean;
}

export interface Holiday {
  name: Text;
  calendar: 'persian' | 'gregorian';
  year?: number;
  from?: [number, number]; // month, day
  to?: [number, number];
  date?: string; // a single ISO date, when given that way
}

export interface Queue {
  id: string;
  name: Text;
  selection: string;
  maxSize?: number;
  offerTimeout?: number; // seconds
  wrapUp?: number;
  hours: string;
  groups: string[];
}

export interface SkillLevel {
  skill: string;
  level?: number;
}

export interface Fallback {
  kind: string;
  partner: string;
  message: Text;
}

export interface Route {
  id: string;
  types: string[];
  channels: string[];
  segments: string[];
  fields: { field: string; values: string[] }[];
  queue: string;
  transfer: string;
  skills: SkillLevel[];
  priority?: number;
  relax: { after?: number; skills: SkillLevel[] }[];
  overflow?: { after?: number; queue: string };
  afterHours?: Fallback;
  noAgents?: Fallback;
}

export interface IvrOption {
  digit: string;
  say: Text;
  action: string;
  target: string;
  collect: string; // field id collected first, if any
}

export interface IvrMenu {
  id: string;
  prompt: Text;
  timeout?: number;
  maxRetries?: number;
  options: IvrOption[];
}

export interface ServiceLevel {
  type: string;
  channel: string;
  segment: string;
  percent?: number; // 0..100
  threshold?: number; // seconds
  business: boolean;
  hours: string;
}

export interface EntryPoint {
  id: string;
  name: Text;
  channel: string;
  address: string;
  platform: string;
  hours: string;
  ivr: string;
  type: string;
}

export interface InteractionType {
  id: string;
  name: Text;
  kind: string;
  priority?: number;
  opensCase?: boolean;
  hours: string;
  information: { field: string; required: boolean }[];
}

export interface Condition {
  attribute: string;
  op: string;
  values: string[];
  number?: number;
}

export interface Segment {
  id: string;
  name: Text;
  priority?: number;
  when: Condition[];
  queue: string;
  implicit: boolean;
}

export interface Organisation {
  id: string;
  name: Text;
  timeZone: string;
  calendar: string;
  locales: string[];
  businessHours: string;
}

export interface Governance {
  version: string;
  owner: string;
  lastReview: string; // ISO date or empty
  reviewEvery?: number; // seconds
  sectionOwners: [string, string][];
}

export interface Field {
  id: string;
  name: Text;
  type: string;
  privacy: string;
  pattern: string;
  minLength?: number;
  maxLength?: number;
  choices: string[];
  reported?: boolean;
}

export interface AgentGroup {
  id: string;
  name: Text;
  skills: SkillLevel[];
}

export interface Partner {
  id: string;
  name: Text;
  number: string;
  hours: string;
}

export interface Survey {
  id: string;
  types: string[];
  channels: string[];
  samplePercent?: number;
  questions: { id: string; scale: string; prompt: Text }[];
}

export interface StrategyView {
  // True when nothing recognisable was found (e.g. the server sends {}).
  empty: boolean;
  organisation: Organisation;
  governance: Governance;
  schedules: Schedule[];
  holidays: Holiday[];
  queues: Queue[];
  routes: Route[];
  ivrMenus: IvrMenu[];
  serviceLevels: ServiceLevel[];
  entryPoints: EntryPoint[];
  types: InteractionType[];
  segments: Segment[];
  fields: Field[];
  skills: { id: string; name: Text }[];
  agentGroups: AgentGroup[];
  partners: Partner[];
  surveys: Survey[];
}
