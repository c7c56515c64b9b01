/**
 * Report formats: terminal text (default), the JSON contract, Markdown for review comments, a self-contained
 * HTML page, SARIF 2.1.0 and GitHub workflow annotations. Each format is its own module, imported only when
 * asked for, so `numcheck check` with text output never loads the HTML or SARIF code.
 *
 * Every format is deterministic: the same input (and, for text, the same width) gives byte-identical output.
 */
import type { CheckResult, Claim, Document, Finding } from '../types.js';

export type ReportFormat = 'text' | 'json' | 'markdown' | 'html' | 'sarif' | 'github';

export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown', 'html', 'sarif', 'github'];

export interface RuleInfo {
  id: string;
  check: string;
  severity: string;
  description?: string;
  link?: string | null;
}

export interface ReportInput {
  documents: Document[];
  claims: Claim[];
  findings: Finding[];
  checks: CheckResult[];
  rules?: RuleInfo[];
  command: 'check' | 'review' | 'extract';
  cwd: string;
}

export interface RenderOptions {
  color: boolean;
  toolVersion: string;
  /** Text: terminal width in columns (default `process.stdout.columns`, else 100). */
  width?: number;
  /** Text: `--quiet` — print nothing at all when there is nothing to report (like ESLint). */
  quiet?: boolean;
  /** HTML and SARIF: a timestamp to show/record (ISO 8601). Nothing time-dependent is added otherwise. */
  generatedAt?: string;
}

export async function render(format: ReportFormat, input: ReportInput, opts: RenderOptions): Promise<string> {
  switch (format) {
    case 'text': {
      const { renderText } = await import('./text.js');
      return renderText(input, opts);
    }
    case 'json': {
      const { buildReport, formatJson } = await import('./json.js');
      const withFindings = input.command !== 'extract';
      return formatJson(
        buildReport(input.documents, input.claims, withFindings ? input.findings : undefined, withFindings ? input.checks : undefined),
      );
    }
    case 'markdown': {
      const { renderMarkdown } = await import('./markdown.js');
      return renderMarkdown(input, opts);
    }
    case 'html': {
      const { renderHtml } = await import('./html.js');
      return renderHtml(input, opts);
    }
    case 'sarif': {
      const { renderSarif } = await import('./sarif.js');
      return renderSarif(input, opts);
    }
    case 'github': {
      const { renderGithub } = await import('./github.js');
      return renderGithub(input, opts);
    }
    default:
      throw new Error(`unknown report format: ${String(format)}`);
  }
}

/**
 * Whether the text report uses colour. In order: `--color` / `--no-color` (`flag`) decide; then
 * `FORCE_COLOR` (set and not "0"/"false": on; "0"/"false": off — Node's convention, which also lets it win
 * over NO_COLOR); then `NO_COLOR` with any non-empty value turns colour off; otherwise colour only on a TTY
 * whose TERM is not "dumb".
 */
export function shouldColor(opts: { flag?: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): boolean {
  if (opts.flag === true) return true;
  if (opts.flag === false) return false;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined) {
    const f = force.trim().toLowerCase();
    return !(f === '0' || f === 'false');
  }
  if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '') return false;
  if (!opts.isTTY) return false;
  return opts.env.TERM !== 'dumb';
}
