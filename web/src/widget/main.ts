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
// Everything lives in a shadow root. When the chat ends the strategy's
// survey is shown; its answers are handed to the page as a `tamas-survey`
// event on window (detail: {interaction, survey, answers}).
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
  for (const k of Object.keys(all)) if (k.startsWith('customer.widget.')) out[k] = all[k];
  return out;
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
