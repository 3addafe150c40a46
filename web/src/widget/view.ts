// The widget's panel: start form → waiting (position, estimated wait, and
// a callback / web-form offer when the wait is long) → conversation with
// typing indicators → end, with the strategy's survey. Renders ChatState
// (chat.ts) into the shadow root; the footer is rebuilt only when the phase
// changes, so what the customer is typing is never lost.
import { formatDuration } from '../format/durations';
import { localizeDigits } from '../format/digits';
import { type Problem, type PublicField, type PublicForm, type SurveyQuestion, checkField, normalise, serverProblem } from '../screens/customer/publicForm';
import { type ChatState, DEFAULT_LONG_WAIT_S, addOwnMessage, initialState, lastSeq, reduce, waitIsLong } from './chat';
import type { ChatConnection, ConnectionEvents } from './connection';
import { h } from './dom';
import { CSS } from './style';

export interface WidgetConfig {
  entry: string;
  lang: 'fa' | 'en';
  messages: Record<string, string>;
  form: PublicForm | null;
  webformUrl?: string;
  callbackUrl?: string;
  // Stores the survey answers (POST /api/v1/chat/survey with the chat token);
  // resolves to the server's field problems ({} when saved), or rejects.
  saveSurvey?: (token: string, answers: Record<string, string | number>) => Promise<Record<string, string>>;
}

// The start form's own fields, checked like the strategy's.
const NAME: PublicField = { id: 'name', name: { fa: '', en: '' }, type: 'text', required: true, privacy: 'personal', max_length: 200 };
const PHONE: PublicField = { id: 'phone', name: { fa: '', en: '' }, type: 'phone', required: false, privacy: 'personal' };
const EMAIL: PublicField = { id: 'email', name: { fa: '', en: '' }, type: 'email', required: false, privacy: 'personal' };

// The survey when the strategy has none for chat: what the server accepts
// then (src/services/chat/chat_survey.cc).
export function defaultSurvey(t: (key: string) => string): SurveyQuestion[] {
  const prompt = (k: string) => ({ fa: t(k), en: t(k) });
  return [
    { id: 'csat', scale: 'csat', prompt: prompt('customer.widget.survey.csat') },
    { id: 'nps', scale: 'nps', prompt: prompt('customer.widget.survey.nps') },
    { id: 'comment', scale: 'free_text', prompt: prompt('customer.widget.survey.comment') },
  ];
}

type Stage = 'start' | 'chat' | 'survey' | 'done';

export class WidgetView {
  private state: ChatState = initialState();
  private conn: ChatConnection;
  private panel: HTMLElement | null = null;
  private launcher!: HTMLButtonElement;
  private statusEl!: HTMLElement;
  private offerEl!: HTMLElement;
  private logEl!: HTMLElement;
  private typingEl!: HTMLElement;
  private footer!: HTMLElement;
  private stage: Stage | null = null;
  private offerDismissed = false;
  private online = true;
  private nextId = 1;
  private lastTypingSent = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private surveyAnswered = false;
  private problems: Record<string, Problem> = {}; // found before sending
  private startEl: Node | undefined; // kept, so a refused start keeps what was typed

  constructor(
    private readonly root: ShadowRoot,
    private readonly cfg: WidgetConfig,
    makeConnection: (e: ConnectionEvents) => ChatConnection,
  ) {
    this.conn = makeConnection({ frame: (f) => this.onFrame(f), online: (up) => this.onOnline(up) });
  }

  private t(key: string, params: Record<string, string | number> = {}): string {
    const text = this.cfg.messages[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  }

  private digits(n: number): string {
    return localizeDigits(String(n), this.cfg.lang);
  }

  mount(open: boolean): void {
    const dir = this.cfg.lang === 'fa' ? 'rtl' : 'ltr';
    this.root.append(h('style', {}, CSS));
    this.launcher = h('button', { type: 'button', class: 'launcher', dir, lang: this.cfg.lang, 'aria-expanded': 'false', onclick: () => this.open() }, this.t('customer.widget.open'));
    this.root.append(this.launcher);
    if (this.conn.token) {
      // A chat of this tab is still going (page reload): resume it.
      this.open();
      this.state = { ...this.state, phase: 'connecting', token: this.conn.token };
      this.conn.open();
      this.render();
    } else if (open) this.open();
  }

  private open(): void {
    if (!this.panel) this.build();
    this.panel!.hidden = false;
    this.launcher.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'true');
    (this.footer.querySelector('input,textarea,button') as HTMLElement | null)?.focus();
  }

  private minimise(): void {
    this.panel!.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  private build(): void {
    const dir = this.cfg.lang === 'fa' ? 'rtl' : 'ltr';
    this.statusEl = h('div', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-part': 'status' });
    this.offerEl = h('div', { class: 'offer', hidden: true, 'data-part': 'offer' });
    this.logEl = h('div', { class: 'log', role: 'log', 'aria-label': this.t('customer.widget.log'), tabindex: 0 });
    this.typingEl = h('div', { class: 'typing', 'aria-live': 'polite', 'data-part': 'typing' });
    this.footer = h('footer', {});
    const title = this.cfg.form?.name[this.cfg.lang] || this.t('customer.widget.title');
    this.panel = h(
      'section',
      { class: 'panel', dir, lang: this.cfg.lang, role: 'dialog', 'aria-labelledby': 'tamas-title' },
      h('header', {}, h('h2', { id: 'tamas-title' }, title), h('button', { type: 'button', 'aria-label': this.t('customer.widget.minimise'), title: this.t('customer.widget.minimise'), onclick: () => this.minimise() }, '–')),
      this.statusEl,
      this.offerEl,
      this.logEl,
      this.typingEl,
      this.footer,
    );
    this.root.append(this.panel);
    this.render();
  }

  private onOnline(up: boolean): void {
    this.online = up;
    this.render();
  }

  private onFrame(f: Record<string, unknown>): void {
    const before = this.state;
    this.state = reduce(this.state, f);
    if (f.type === 'accepted') this.conn.remember(this.state.token);
    if (this.state.phase === 'ended' && before.phase !== 'ended') this.conn.close();
    if (this.state.phase === 'start' && before.token && !this.state.token) this.conn.close();
    this.conn.after = lastSeq(this.state);
    if (this.state.agentTyping) {
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => {
        this.state = { ...this.state, agentTyping: false };
        this.render();
      }, 5000);
    }
    this.render();
  }

  private stageOf(): Stage {
    const s = this.state;
    if (s.phase === 'start') return 'start';
    if (s.phase !== 'ended') return 'chat';
    if (this.stage === 'done') return 'done';
    return s.hadAgent && s.token ? 'survey' : 'done';
  }

  private render(): void {
    if (!this.panel) return;
    const s = this.state;
    this.statusEl.textContent = this.statusText();
    this.renderOffer();
    this.renderLog();
    this.typingEl.textContent = s.agentTyping && s.phase === 'chatting' ? this.t('customer.widget.typing') : '';
    const stage = this.stageOf();
    if (stage !== this.stage) {
      this.stage = stage;
      this.footer.replaceChildren(this.footerFor(stage));
    }
    this.renderErrors();
  }

  private statusText(): string {
    const s = this.state;
    if (!this.online && s.token) return this.t('customer.widget.reconnecting');
    if (s.phase === 'connecting') return this.t('customer.widget.connecting');
    if (s.phase === 'waiting') {
      if (!s.position) return this.t('customer.widget.waitUnknown');
      const pos = this.t('customer.widget.position', { position: this.digits(s.position) });
      return s.ewt ? `${pos} ${this.t('customer.widget.wait', { wait: formatDuration(s.ewt, this.cfg.lang) })}` : pos;
    }
    if (s.phase === 'ended') {
      const why = s.outcome ? this.cfg.messages[`customer.widget.ended.${s.outcome}`] : undefined;
      return why ? `${this.t('customer.widget.ended')} ${why}` : this.t('customer.widget.ended');
    }
    if (s.notice === 'onHold' || s.onHold) return this.t('customer.widget.onHold');
    if (s.notice === 'reconnected') return this.t('customer.widget.reconnected');
    return '';
  }

  // R43: when the wait is long (or no one can answer), other ways in.
  private renderOffer(): void {
    const s = this.state;
    const threshold = this.cfg.form?.long_wait_s ?? DEFAULT_LONG_WAIT_S;
    const noAgent = s.phase === 'ended' && !s.hadAgent && s.outcome !== 'abandoned' && s.outcome !== undefined;
    const show = (noAgent || (waitIsLong(s, threshold) && !this.offerDismissed)) && (this.cfg.webformUrl || this.cfg.callbackUrl);
    this.offerEl.hidden = !show;
    if (!show || this.offerEl.childElementCount) return;
    const link = (url: string | undefined, key: string) => url && h('a', { href: url, target: '_blank', rel: 'noopener', class: 'secondary' }, this.t(key));
    this.offerEl.append(
      h('p', { style: 'margin:0' }, this.t('customer.widget.longWait')),
      link(this.cfg.callbackUrl, 'customer.widget.callback') || '',
      link(this.cfg.webformUrl, 'customer.widget.webform') || '',
      s.phase === 'waiting' ? h('button', { type: 'button', class: 'secondary', onclick: () => ((this.offerDismissed = true), this.render()) }, this.t('customer.widget.keepWaiting')) : '',
    );
  }

  private renderLog(): void {
    const s = this.state;
    const items: Node[] = s.messages.map((m) =>
      h('div', { class: `msg ${m.from}`, 'data-from': m.from, dir: 'auto' }, h('span', { class: 'who' }, `${this.t(m.from === 'agent' ? 'customer.widget.agent' : 'customer.widget.you')}: `), m.text),
    );
    if (s.agent) {
      const firstAgent = s.messages.findIndex((m) => m.from === 'agent');
      const at = s.joinedAt ?? (firstAgent < 0 ? items.length : firstAgent);
      items.splice(Math.min(at, items.length), 0, h('div', { class: 'note' }, this.t('customer.widget.joined', { agent: s.agent })));
    }
    const stick = this.logEl.scrollTop + this.logEl.clientHeight >= this.logEl.scrollHeight - 20;
    this.logEl.replaceChildren(...items);
    if (stick) this.logEl.scrollTop = this.logEl.scrollHeight;
  }

  private problemText(p: Problem): string {
    return this.t(`customer.form.error.${p.code}`, p.n === undefined ? {} : { n: this.digits(p.n) });
  }

  private renderErrors(): void {
    const s = this.state;
    const box = this.footer.querySelector<HTMLElement>('[data-part=error]');
    if (!box) return;
    let text = '';
    if (s.error === 'invalid_fields' || Object.keys(this.problems).length) text = this.t('customer.widget.error.fields');
    else if (s.error) text = this.cfg.messages[`customer.widget.error.${s.error}`] ?? this.t('customer.widget.error.generic');
    box.textContent = text;
    for (const el of this.footer.querySelectorAll<HTMLElement>('[data-field-error]')) {
      const name = el.dataset.fieldError!;
      const p = this.problems[name] ?? (s.fieldErrors[name] ? serverProblem(s.fieldErrors[name]) : undefined);
      el.textContent = p ? this.problemText(p) : '';
      el.parentElement?.querySelector('input,select,textarea')?.setAttribute('aria-invalid', p ? 'true' : 'false');
    }
  }

  private footerFor(stage: Stage): Node {
    if (stage === 'start') return (this.startEl ??= this.startForm());
    if (stage === 'chat') return this.compose();
    if (stage === 'survey') return this.survey(this.questions());
    return h(
      'div',
      {},
      this.surveyAnswered ? h('p', { role: 'status' }, this.t('customer.widget.survey.thanks')) : '',
      h('button', { type: 'button', class: 'primary', onclick: () => this.restart() }, this.t('customer.widget.newChat')),
    );
  }

  private field(id: string, label: string, type: string, autocomplete: string, extra: Record<string, string | boolean | number> = {}): HTMLElement {
    return h(
      'div',
      {},
      h('label', { for: `tw-${id}` }, label),
      h('input', { id: `tw-${id}`, name: id, type, autocomplete, dir: type === 'text' ? 'auto' : 'ltr', 'aria-describedby': `tw-${id}-err`, ...extra }),
      h('p', { class: 'error', id: `tw-${id}-err`, 'data-field-error': id }),
    );
  }

  // One of the strategy's fields for this chat (all optional in chat).
  private strategyField(f: PublicField): HTMLElement {
    const id = `fields.${f.id}`;
    const label = `${f.name[this.cfg.lang] || f.id} ${this.t('customer.widget.optional')}`;
    if (f.type === 'choice' && f.choices?.length) {
      return h(
        'div',
        {},
        h('label', { for: `tw-${id}` }, label),
        h('select', { id: `tw-${id}`, name: id, 'aria-describedby': `tw-${id}-err` }, h('option', { value: '' }, ''), ...f.choices.map((c) => h('option', { value: c }, c))),
        h('p', { class: 'error', id: `tw-${id}-err`, 'data-field-error': id }),
      );
    }
    const type = f.type === 'number' ? 'text' : f.type === 'date' ? 'date' : 'text';
    const extra: Record<string, string | number> = {};
    if (f.max_length) extra.maxlength = f.max_length;
    if (f.type === 'number') extra.inputmode = 'numeric';
    return this.field(id, label, type, 'off', extra);
  }

  private startFields(): PublicField[] {
    return (this.cfg.form?.fields ?? []).filter((f) => f.type !== 'phone' && f.type !== 'email');
  }

  private startForm(): Node {
    const form = h(
      'form',
      { novalidate: true, onsubmit: (e: Event) => this.start(e) },
      h('p', { style: 'margin:0' }, this.t('customer.widget.intro')),
      this.field('name', this.t('customer.widget.name'), 'text', 'name', { required: true, maxlength: 200 }),
      this.field('phone', this.t('customer.widget.phone'), 'tel', 'tel', { inputmode: 'tel' }),
      this.field('email', this.t('customer.widget.email'), 'email', 'email'),
      ...this.startFields().map((f) => this.strategyField(f)),
      h('p', { class: 'error', 'data-part': 'error', role: 'alert' }),
      h('button', { type: 'submit', class: 'primary' }, this.t('customer.widget.start')),
    );
    return form;
  }

  // Checks the start form as the web forms do; the server checks again and
  // its per-field problems are shown the same way.
  private start(e: Event): void {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    const problems: Record<string, Problem> = {};
    const check = (name: string, f: PublicField) => {
      const p = checkField(f, value(name));
      if (p) problems[name] = p;
    };
    check('name', NAME);
    check('phone', PHONE);
    check('email', EMAIL);
    for (const f of this.startFields()) check(`fields.${f.id}`, { ...f, required: false });
    this.problems = problems;
    if (Object.keys(problems).length) {
      this.state = { ...this.state, error: 'invalid_fields', fieldErrors: {} };
      this.renderErrors();
      (form.elements.namedItem(Object.keys(problems)[0]) as HTMLElement | null)?.focus();
      return;
    }
    const frame: Record<string, unknown> = { type: 'start', entry_point: this.cfg.entry, name: value('name').trim() };
    const phone = normalise(PHONE, value('phone'));
    if (phone) frame.phone = phone;
    const email = normalise(EMAIL, value('email'));
    if (email) frame.email = email;
    const fields: Record<string, string> = {};
    for (const f of this.startFields()) {
      const v = normalise(f, value(`fields.${f.id}`));
      if (v) fields[f.id] = v;
    }
    if (Object.keys(fields).length) frame.fields = fields;
    this.state = { ...initialState(), phase: 'connecting' };
    this.render();
    this.conn.open(frame);
  }

  private compose(): Node {
    const text = h('textarea', { id: 'tw-message', name: 'message', rows: 2, dir: 'auto', maxlength: 4000 });
    text.addEventListener('input', () => this.typed());
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        text.form?.requestSubmit();
      }
    });
    return h(
      'form',
      { novalidate: true, onsubmit: (e: Event) => this.sendMessage(e, text) },
      h('label', { for: 'tw-message' }, this.t('customer.widget.message')),
      h('div', { class: 'row' }, text, h('button', { type: 'submit', class: 'primary' }, this.t('customer.widget.send'))),
      h('p', { class: 'error', 'data-part': 'error', role: 'alert' }),
      h('button', { type: 'button', class: 'secondary', onclick: () => this.leave() }, this.t('customer.widget.leave')),
    );
  }

  private typed(): void {
    const now = Date.now();
    if (this.state.phase !== 'chatting' || now - this.lastTypingSent < 3000) return;
    this.lastTypingSent = now;
    this.conn.send({ type: 'typing' });
  }

  private sendMessage(e: Event, box: HTMLTextAreaElement): void {
    e.preventDefault();
    const text = box.value.trim();
    if (!text || !this.state.token) return;
    const id = `c${this.nextId++}`;
    this.state = addOwnMessage(this.state, text, id);
    this.conn.send({ type: 'message', text, id });
    box.value = '';
    this.render();
  }

  private leave(): void {
    this.conn.send({ type: 'leave' });
  }

  private restart(): void {
    this.conn.close();
    this.state = initialState();
    this.offerDismissed = false;
    this.offerEl.replaceChildren();
    this.startEl = undefined;
    this.surveyAnswered = false;
    this.problems = {};
    this.stage = null;
    this.render();
  }

  private scale(q: SurveyQuestion): Node {
    if (q.scale === 'free_text') {
      return h('div', {}, h('label', { for: `tw-q-${q.id}` }, q.prompt[this.cfg.lang]), h('textarea', { id: `tw-q-${q.id}`, name: q.id, rows: 2, dir: 'auto' }));
    }
    const [lo, hi] = q.scale === 'nps' ? [0, 10] : q.scale === 'ces' ? [1, 7] : [1, 5];
    const options: Node[] = [];
    for (let v = lo; v <= hi; v++) {
      options.push(h('label', {}, h('input', { type: 'radio', name: q.id, value: v }), h('span', {}, this.digits(v))));
    }
    return h(
      'fieldset',
      { 'data-question': q.id },
      h('legend', {}, q.prompt[this.cfg.lang]),
      h('div', { class: 'scale', dir: 'ltr' }, ...options),
      h('div', { class: 'ends', dir: 'ltr' }, h('span', {}, this.t('customer.widget.survey.low')), h('span', {}, this.t('customer.widget.survey.high'))),
    );
  }

  private questions(): SurveyQuestion[] {
    const qs = this.cfg.form?.survey?.questions;
    return qs?.length ? qs : defaultSurvey((k) => this.t(k));
  }

  private survey(questions: SurveyQuestion[]): Node {
    const form = h(
      'form',
      { 'aria-label': this.t('customer.widget.survey.title'), onsubmit: (e: Event) => void this.answered(e, questions) },
      h('h3', { style: 'margin:0;font-size:1rem' }, this.t('customer.widget.survey.title')),
      ...questions.map((q) => this.scale(q)),
      h('p', { class: 'error', 'data-part': 'survey-error', role: 'alert' }),
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, this.t('customer.widget.survey.submit')), h('button', { type: 'button', class: 'secondary', onclick: () => this.finish() }, this.t('customer.widget.survey.skip'))),
    );
    return form;
  }

  // Sends the answers with the chat token; the chat's interaction keeps them.
  private async answered(e: Event, questions: SurveyQuestion[]): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const box = form.querySelector<HTMLElement>('[data-part=survey-error]')!;
    const answers: Record<string, string | number> = {};
    for (const q of questions) {
      const el = form.elements.namedItem(q.id) as RadioNodeList | HTMLTextAreaElement | null;
      const v = (el?.value ?? '').trim();
      if (v !== '') answers[q.id] = q.scale === 'free_text' ? v : Number(v);
    }
    if (!Object.keys(answers).length) {
      box.textContent = this.t('customer.widget.survey.empty');
      return;
    }
    const token = this.state.token;
    if (!token || !this.cfg.saveSurvey) return this.finish();
    box.textContent = '';
    try {
      const problems = await this.cfg.saveSurvey(token, answers);
      if (Object.keys(problems).length) {
        box.textContent = this.t('customer.widget.error.fields');
        return;
      }
    } catch {
      box.textContent = this.t('customer.widget.survey.failed');
      return;
    }
    const detail = { interaction: this.state.interaction, survey: this.cfg.form?.survey?.id ?? 'chat', answers };
    globalThis.dispatchEvent(new CustomEvent('tamas-survey', { detail }));
    this.surveyAnswered = true;
    this.finish();
  }

  private finish(): void {
    this.stage = 'done';
    this.footer.replaceChildren(this.footerFor('done'));
    (this.footer.querySelector('button') as HTMLElement | null)?.focus();
  }
}
