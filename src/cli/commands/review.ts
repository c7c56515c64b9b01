/**
 * `numcheck review <draft> --against <paths..>`: only findings that involve the draft.
 * The draft may be "-" (stdin; --stdin-filename gives its name and format). Only the draft's
 * numcheck-disable directives count: a source cannot hide a problem from the draft's reviewer.
 */
import { UserError } from '../../util/errors.js';
import { tuneJit } from '../../util/jit.js';
import { warn } from '../common.js';
import { checkPaths, prepare, report, type CheckArgs } from './check.js';

export interface ReviewArgs extends CheckArgs {
  draft: string;
  against?: string[];
  againstIndex?: string;
}

export async function runReview(args: ReviewArgs): Promise<number> {
  tuneJit();
  if (args.againstIndex && args.against && args.against.length) throw new UserError('review takes --against or --against-index, not both');
  if (!args.againstIndex && (!args.against || args.against.length === 0)) {
    throw new UserError('review needs sources: --against <files, folders or globs> (or --against-index <db>)');
  }
  const run = await prepare(args);
  const draftName = args.draft === '-' ? `${args.stdinFilename ?? '-'} (stdin)` : args.draft;
  if (args.againstIndex) {
    if (Object.keys(run.config.tolerances).length) warn('the config file\'s "tolerances" are not applied with --against-index yet');
    const { reviewAgainstIndex } = await import('../../index/review.js');
    const r = await reviewAgainstIndex({ ...args, date: args.date ?? run.date, rules: run.rules, defaultRules: run.defaultRules, againstIndex: args.againstIndex });
    const draftId = r.documents[0]?.id;
    return report('review', r, args, run, new Set(draftId !== undefined ? [draftId] : []));
  }
  const r = await checkPaths([args.draft, ...args.against!], args, run);
  const draftDoc = r.documents[0];
  if (!draftDoc || (draftDoc.errors.length > 0 && !draftDoc.text)) {
    const onlyNoText = draftDoc && draftDoc.errors.every((e) => e.code === 'no-text' || e.code === 'empty');
    throw new UserError(onlyNoText ? `nothing to check in the draft ${draftName}: it holds no article text` : `cannot read the draft ${draftName}`);
  }
  const draftIds = new Set(r.claims.filter((c) => c.docIndex === 0).map((c) => c.id));
  const findings = r.findings.filter((f) => f.claims.some((id) => draftIds.has(id)));
  const checks = r.checks.filter((c) => c.claims.some((id) => draftIds.has(id)));
  return report('review', { ...r, findings, checks }, args, run, new Set([draftDoc.id]));
}
