// The strategy the end-to-end tests run the server with: the automotive
// example (or $TAMAS_STRATEGY) with every queue and entry point open around
// the clock, so chats are routed whatever time the tests run; optionally
// with a CSAT survey for chats, so the widget has something to end with.
// Returns the path of a temporary copy.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { serverConfig } from './server.mjs';

const CHAT_SURVEY =
  '  - id: after_chat\n    when: {channel: chat}\n    questions:\n' +
  '      - {id: csat, scale: csat, prompt: {fa: "از این گفتگو چقدر راضی بودید؟", en: "How satisfied were you with this chat?"}}\n';

export function strategyForTests({ chatSurvey = false } = {}) {
  let yaml = readFileSync(serverConfig().strategy, 'utf8').replace(/(^|[^_])hours: (office|walk_in)/g, '$1hours: always');
  // The copy lives elsewhere: files the strategy names relative to itself
  // (hold music) are named absolutely.
  const home = dirname(resolve(serverConfig().strategy));
  yaml = yaml.replace(/^(\s*hold_music:\s*)([^\s#"'/]\S*)/m, (_, key, path) => key + resolve(home, path));
  // First in the list, so it wins over the type-based surveys (a chat the
  // agent reclassifies as a complaint still gets it).
  if (chatSurvey) yaml = yaml.replace(/^surveys:\n/m, `surveys:\n${CHAT_SURVEY}`);
  const file = join(mkdtempSync(join(tmpdir(), 'tamas-e2e-strategy-')), 'strategy.yaml');
  writeFileSync(file, yaml);
  return file;
}
