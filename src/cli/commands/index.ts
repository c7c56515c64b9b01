/**
 * `numcheck index <paths..> --db FILE`: store documents and their claims in an SQLite claims index, for
 * `numcheck review draft --against-index FILE`. Incremental: documents indexed again replace their rows.
 */
import { openForWrite } from '../../index/store.js';
import { indexPaths } from '../../index/build.js';
import { loadRuleSet } from '../../pipeline.js';
import { UserError } from '../../util/errors.js';
import { reportDocErrors, validateDate, type InputArgs } from '../common.js';

export interface IndexArgs extends InputArgs {
  paths: string[];
  db: string;
  quiet?: boolean;
}

export async function runIndex(args: IndexArgs): Promise<number> {
  validateDate(args.date);
  if (!args.db) throw new UserError('index needs --db <file>: the SQLite file to create or extend');
  const set = await loadRuleSet([], true);
  const db = await openForWrite(args.db);
  const t0 = performance.now();
  try {
    const stats = await indexPaths(db, args.paths, {
      date: args.date,
      stdinFilename: args.stdinFilename,
      jobs: args.jobs,
      lexicon: set.lexicon,
      synonyms: set.synonyms,
      onDocument: (doc) => reportDocErrors(doc),
    });
    if (stats.documents === 0) throw new UserError('no documents to index');
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    process.stderr.write(
      `numcheck: indexed ${stats.documents} document${stats.documents === 1 ? '' : 's'} (${stats.replaced} replaced), ${stats.claims} claims into ${args.db} in ${s} s\n`,
    );
    return stats.errors > 0 && stats.errors === stats.documents ? 2 : 0;
  } finally {
    db.pragma('optimize');
    db.close();
  }
}
