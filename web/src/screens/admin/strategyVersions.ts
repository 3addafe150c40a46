// Pure logic of the Strategy versions screen: reading the server's problems
// (422 from POST /api/v1/strategy/versions) and laying them next to the
// uploaded source, line by line.

export interface StrategyVersion {
  id: number;
  version: string;
  created_at: string;
  created_by: string;
  size: number;
  checksum: string;
  active: boolean;
  running: boolean;
  yaml?: string;
}

export interface Problem {
  line: number;
  column: number;
  message: string;
}

// The problems of a 422 answer, sorted by line then column; anything that
// is not a {line, column, message} object is left out.
export function readProblems(raw: unknown[] | undefined): Problem[] {
  if (!raw) return [];
  const out: Problem[] = [];
  for (const p of raw) {
    if (typeof p !== 'object' || p === null) continue;
    const { line, column, message } = p as Record<string, unknown>;
    if (typeof message !== 'string') continue;
    out.push({
      line: typeof line === 'number' && line >= 1 ? Math.floor(line) : 1,
      column: typeof column === 'number' && column >= 1 ? Math.floor(column) : 1,
      message,
    });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

export interface SourceLine {
  n: number;
  text: string;
  problems: Problem[];
}

// The source split into numbered lines, each with its problems. Problems
// past the last line are put on the last line.
export function annotateSource(source: string, problems: Problem[]): SourceLine[] {
  const texts = source.replace(/\r\n?/g, '\n').split('\n');
  if (texts.length > 1 && texts[texts.length - 1] === '') texts.pop();
  const lines: SourceLine[] = texts.map((text, i) => ({ n: i + 1, text, problems: [] }));
  for (const p of problems) lines[Math.min(p.line, lines.length) - 1].problems.push(p);
  return lines;
}

// The lines worth showing: every line with a problem and `context` lines
// around it; gaps are marked with null. All lines when there are no problems.
export function excerpt(lines: SourceLine[], context = 2): (SourceLine | null)[] {
  const keep = new Set<number>();
  for (const l of lines)
    if (l.problems.length)
      for (let n = l.n - context; n <= l.n + context; n++) if (n >= 1 && n <= lines.length) keep.add(n);
  if (keep.size === 0) return lines;
  const out: (SourceLine | null)[] = [];
  let last = 0;
  for (const l of lines) {
    if (!keep.has(l.n)) continue;
    if (l.n > last + 1) out.push(null);
    out.push(l);
    last = l.n;
  }
  if (last < lines.length) out.push(null);
  return out;
}

// "sha256:9f86d081…" -> "9f86d081" (enough to tell versions apart).
export function shortChecksum(checksum: string): string {
  const hex = checksum.includes(':') ? checksum.slice(checksum.indexOf(':') + 1) : checksum;
  return hex.slice(0, 8);
}

// The version a restart would run differs from the one running now.
export function pendingRestart(versions: StrategyVersion[]): boolean {
  const active = versions.find((v) => v.active);
  return !!active && !active.running;
}
