/**
 * GitHub Actions workflow commands, one a line:
 *
 *   ::error file=docs/a.md,line=7,col=23,endLine=7,endColumn=30,title=numcheck cross-source-mismatch::message%0A…
 *
 * One annotation per finding per involved document location: a cross-source finding shows up in every file it
 * involves, so whichever of them a pull request touches carries it (in `review` that is the draft). Two claims
 * of one finding on the same line of the same file give one annotation. The message is the finding's message
 * followed by one line per source (location, the figure, who and when), so each annotation stands alone.
 * error → ::error, warning → ::warning, info → ::notice. Document errors are annotations on their file.
 * The last line is the plain summary (GitHub shows it in the log).
 *
 * Escaping (as @actions/core does): data `%` `\r` `\n`; property values also `:` and `,`.
 */
import { sanitize } from './textlayout.js';
import { docPath, findingClaims, indexInput, locate, sourceParts, summaryText, squash } from './common.js';
import type { RenderOptions, ReportInput } from './index.js';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function command(kind: string, props: Array<[string, string | number | undefined]>, message: string): string {
  const p = props
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${kind}${p ? ' ' + p : ''}::${escapeData(message)}`;
}

/** Control characters other than newline must not reach the log (ESC would style it). */
function clean(s: string): string {
  return s
    .split('\n')
    .map((l) => sanitize(l))
    .join('\n');
}

export function renderGithub(input: ReportInput, _opts: RenderOptions): string {
  const ix = indexInput(input);
  const out: string[] = [];

  for (const d of input.documents) {
    const path = docPath(d, d.id, input.cwd);
    for (const e of d.errors) {
      out.push(command('error', [['file', path], ['line', e.line], ['title', `numcheck ${e.code}`]], clean(`${path}: ${e.message}`)));
    }
  }

  if (input.command !== 'extract') {
    for (const f of input.findings) {
      const claims = findingClaims(f, ix);
      const kind = COMMAND[f.severity as keyof typeof COMMAND] ?? 'notice';
      const title = `numcheck ${f.rule}`;
      const sources = claims.map((c) => {
        const doc = ix.docs.get(c.document);
        return `${docPath(doc, c.document, input.cwd)}:${c.line}:${c.column} “${squash(c.text)}” — ${sourceParts(c, doc).join(' · ')}`;
      });
      const message = clean([squash(f.message), ...sources.map((s) => `• ${s}`)].join('\n'));
      if (claims.length === 0) {
        out.push(command(kind, [['title', title]], message));
        continue;
      }
      const seen = new Set<string>();
      for (const c of claims) {
        const doc = ix.docs.get(c.document);
        const path = docPath(doc, c.document, input.cwd);
        const loc = locate(c, doc);
        const key = `${path}\u0000${loc.line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          command(
            kind,
            [
              ['file', path],
              ['line', loc.line],
              ['col', loc.column],
              ['endLine', loc.endLine],
              ['endColumn', loc.endColumn],
              ['title', title],
            ],
            message,
          ),
        );
      }
    }
  }

  out.push(`numcheck: ${clean(summaryText(input).text)}`);
  return out.join('\n') + '\n';
}
