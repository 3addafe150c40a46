// The customer chat widget (dist/widget.js): one script tag on the
// organisation's website,
//   <script src="https://tamas.example/widget.js" data-entry-point="web_chat"
//           data-lang="fa" data-form="voc_form" async></script>
// adds a "chat with us" button; the conversation runs over the chat
// WebSocket of the server the script came from (docs/chat.md). Attributes:
//   data-entry-point  a chat entry point of the strategy (required)
//   data-lang         fa or en (default: the page's <html lang>, else fa)
//   data-form         a webform entry point offered when the wait is long (R43)
//   data-callback-form a webform entry point for "call me back" requests
//   data-open         open the panel at once
// Everything lives in a shadow root. The start form shows the strategy's
// fields for the entry point and checks them as the web forms do. When a
// conversation with an agent ends, the strategy's chat survey (else CSAT,
// NPS and a comment) is shown; the answers are stored on the chat's
// interaction (POST /api/v1/chat/survey with the chat token) and then also
// handed to the page as a `tamas-survey` event on window (detail:
// {interaction, survey, answers}). Embedded on another origin, the server
// must allow that origin (tamas serve --cors-origin).
import enAll from '../i18n/areas/customer.en.json';
import faAll from '../i18n/areas/customer.fa.json';
import type { PublicForm } from '../screens/customer/publicForm';
import { ChatConnection } from './connection';
import { WidgetView, type WidgetConfig } from './view';

function ownScript(): HTMLScriptElement | null {
  const cur = document.currentScript;
  if (cur instanceof HTMLScriptElement && cur.dataset.entryPoint) return cur;
  return document.querySelector<HTMLScriptElement>('script[data-entry-point][src*="widget"]');
}

function pick(all: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(all)) if (k.startsWith('customer.widget.') || k.startsWith('customer.form.error.')) out[k] = all[k];
  return out;
}

// {} when stored; the per-answer problems on 422; throws otherwise.
async function saveSurvey(origin: string, token: string, answers: Record<string, string | number>): Promise<Record<string, string>> {
  const r = await fetch(`${origin}/api/v1/chat/survey`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ chat_token: token, answers }),
  });
  if (r.ok) return {};
  if (r.status === 422) {
    const body = (await r.json()) as { error?: { fields?: Record<string, string> } };
    return body.error?.fields ?? { answers: 'invalid' };
  }
  if (r.status === 409) return {}; // already answered (a second tab): nothing to add
  throw new Error(`survey: HTTP ${r.status}`);
}

// document.currentScript is only set while the script first runs.
const SCRIPT = ownScript();

async function boot(): Promise<void> {
  const script = SCRIPT;
  const entry = script?.dataset.entryPoint;
  if (!script || !entry) return;
  const origin = new URL(script.src, location.href).origin;
  const lang = (script.dataset.lang ?? document.documentElement.lang).startsWith('en') ? 'en' : 'fa';
  const messages = pick(lang === 'en' ? enAll : faAll);
  let form: PublicForm | null = null;
  try {
    const r = await fetch(`${origin}/api/v1/public/forms/${encodeURIComponent(entry)}`);
    if (r.ok) form = (await r.json()) as PublicForm;
  } catch {
    form = null;
  }
  const formUrl = (id: string | undefined) => (id ? `${origin}/#/forms/${encodeURIComponent(id)}` : undefined);
  const config: WidgetConfig = {
    entry,
    lang,
    messages,
    form,
    webformUrl: formUrl(script.dataset.form),
    callbackUrl: formUrl(script.dataset.callbackForm),
    saveSurvey: (token, answers) => saveSurvey(origin, token, answers),
  };
  const host = document.createElement('div');
  host.setAttribute('data-tamas-widget', entry);
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const view = new WidgetView(root, config, (events) => new ChatConnection(origin, `tamas.chat.${entry}`, events));
  view.mount(script.dataset.open !== undefined);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void boot());
else void boot();
