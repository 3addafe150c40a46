// Starts the real tamas server for end-to-end tests:
//   $TAMAS_BIN serve --http 127.0.0.1:0 --strategy $TAMAS_STRATEGY --db <tmp>/t.db --web dist
// and waits for its `event=serve.started http=127.0.0.1:PORT` line on stderr.
// Paths are relative to web/. Nothing is built here: build the server and
// `npm run build` first. Each server's log is kept on stop as
// test-results/server-<suite>-<port>.log (the suite: the test file's name),
// so a later suite never overwrites an earlier one's.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function fromWeb(p) {
  return resolve(WEB_DIR, p);
}

export function serverConfig(env = process.env) {
  return {
    bin: fromWeb(env.TAMAS_BIN ?? '../build/test/tamas'),
    strategy: fromWeb(env.TAMAS_STRATEGY ?? '../examples/automotive/strategy.yaml'),
    web: fromWeb(env.TAMAS_WEB ?? 'dist'),
  };
}

// The running test file's name without .test.mjs ("agent"), for log names.
function suiteName() {
  return basename(process.argv[1] ?? 'e2e').replace(/\.test\.mjs$|\.mjs$/, '');
}

export async function startServer({ timeoutMs = 15000, suite = suiteName() } = {}) {
  const cfg = serverConfig();
  const problems = [];
  if (!existsSync(cfg.bin)) problems.push(`server binary not found: ${cfg.bin} (set TAMAS_BIN)`);
  if (!existsSync(cfg.strategy)) problems.push(`strategy file not found: ${cfg.strategy} (set TAMAS_STRATEGY)`);
  if (!existsSync(join(cfg.web, 'index.html'))) problems.push(`no built front end in ${cfg.web} (run npm run build)`);
  if (problems.length) throw new Error(problems.join('\n'));

  const dir = mkdtempSync(join(tmpdir(), 'tamas-web-e2e-'));
  // An admin to sign in as: the API needs a login for everything but the
  // public endpoints.
  const admin = { username: 'admin', password: 'admin-e2e-password' };
  const added = spawnSync(
    cfg.bin,
    ['user', 'add', admin.username, '--role', 'admin', '--password', admin.password, '--db', join(dir, 't.db'), '--strategy', cfg.strategy],
    { cwd: WEB_DIR, encoding: 'utf8' },
  );
  if (added.status !== 0) throw new Error(`tamas user add failed:\n${added.stdout}${added.stderr}`);
  // Debug level: the log then has every engine event (offers, states) and
  // request, which is what a failed run needs ($TAMAS_LOG_LEVEL=info: less).
  const level = process.env.TAMAS_LOG_LEVEL ?? 'debug';
  const args = ['serve', '--http', '127.0.0.1:0', '--strategy', cfg.strategy, '--db', join(dir, 't.db'), '--web', cfg.web, '--log-level', level];
  const child = spawn(cfg.bin, args, { cwd: WEB_DIR, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const m = /event=serve\.started .*?http=127\.0\.0\.1:(\d+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${stderr}`));
    });
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
    // Keep the server's log next to the screenshots, for failed runs.
    mkdirSync(join(WEB_DIR, 'test-results'), { recursive: true });
    writeFileSync(logFile, stderr);
  };
  const logFile = join(WEB_DIR, 'test-results', `server-${suite}-${port}.log`);
  // The last `lines` lines the server wrote so far (for failure messages).
  const logTail = (lines = 40) => stderr.split('\n').slice(-lines - 1).join('\n');
  return { url: `http://127.0.0.1:${port}`, port, stop, log: () => stderr, logTail, logFile, config: cfg, admin };
}
