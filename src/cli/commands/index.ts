/** `numcheck index <paths..> --db FILE`: the SQLite claims index (issue: speed and scale). */
import { UserError } from '../../util/errors.js';

export async function runIndex(_args: { paths: string[]; db: string }): Promise<number> {
  throw new UserError('index: the claims index is not part of this build yet');
}
