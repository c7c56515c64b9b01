/** `numcheck review <draft> --against <paths..>`: only findings that involve the draft. */
import { UserError } from '../../util/errors.js';
import { checkPaths, report, type CheckArgs } from './check.js';

export interface ReviewArgs extends CheckArgs {
  draft: string;
  against?: string[];
  againstIndex?: string;
}

export async function runReview(args: ReviewArgs): Promise<number> {
  if (args.againstIndex) {
    if (args.against && args.against.length) throw new UserError('review takes --against or --against-index, not both');
    const { reviewAgainstIndex } = await import('../../index/review.js');
    const r = await reviewAgainstIndex({ ...args, againstIndex: args.againstIndex });
    return report('review', r, args);
  }
  if (!args.against || args.against.length === 0) throw new UserError('review needs sources: --against <files, folders or globs> (or --against-index <db>)');
  const r = await checkPaths([args.draft, ...args.against], args);
  const draftDoc = r.documents[0];
  if (!draftDoc) throw new UserError(`cannot read the draft ${args.draft}`);
  const draftIds = new Set(r.claims.filter((c) => c.docIndex === 0).map((c) => c.id));
  const findings = r.findings.filter((f) => f.claims.some((id) => draftIds.has(id)));
  const checks = r.checks.filter((c) => c.claims.some((id) => draftIds.has(id)));
  return report('review', { ...r, findings, checks }, args);
}
