/**
 * A progress bar on stderr while a batch is read: only for more than 20 documents, only when stderr is a TTY,
 * never for the machine formats (json, jsonl) — and never on stdout, so it cannot end up in any report.
 * The bar is cleared when reading ends, before the report is written. Lines written to stderr while it runs
 * (document errors) go through `log`, which clears the bar's line first.
 */
import type { SingleBar } from 'cli-progress';

export const PROGRESS_MIN_DOCUMENTS = 20;

export interface Progress {
  /** Called once per document read, with the number read so far. */
  onDocument(done: number): void;
  /** Write a line to stderr without mangling the bar. */
  log(line: string): void;
  /** Clear the bar. */
  stop(): void;
}

export interface ProgressOptions {
  /** Documents expected (the bar grows if more come). */
  total: number;
  stream?: NodeJS.WriteStream;
  /** The output format: no bar for json/jsonl. */
  format?: string;
  label?: string;
}

/** Whether a bar would be shown for this run (checked before counting documents, which costs a scan of JSONL files). */
export function progressWanted(opts: { stream?: NodeJS.WriteStream; format?: string }): boolean {
  const stream = opts.stream ?? process.stderr;
  if (!stream.isTTY) return false;
  if (opts.format === 'json' || opts.format === 'jsonl') return false;
  return true;
}

/** Start a bar, or return null when none should be shown. */
export async function startProgress(opts: ProgressOptions): Promise<Progress | null> {
  const stream = opts.stream ?? process.stderr;
  if (!progressWanted({ stream, format: opts.format }) || opts.total <= PROGRESS_MIN_DOCUMENTS) return null;
  const mod = (await import('cli-progress')) as unknown as typeof import('cli-progress') & { default?: typeof import('cli-progress') };
  const cp = mod.SingleBar ? mod : mod.default!;
  let total = opts.total;
  const bar: SingleBar = new cp.SingleBar(
    {
      stream,
      format: `${opts.label ?? 'numcheck'} {bar} {value}/{total} documents`,
      clearOnComplete: true,
      hideCursor: true,
      barsize: 30,
      fps: 10,
      linewrap: false,
    },
    cp.Presets.shades_classic,
  );
  bar.start(total, 0);
  let stopped = false;
  return {
    onDocument(done: number) {
      if (stopped) return;
      if (done > total) bar.setTotal((total = done));
      bar.update(done);
    },
    log(line: string) {
      if (stopped) {
        stream.write(line);
        return;
      }
      stream.write('\r\x1b[K' + line);
      bar.render();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
