/**
 * An error caused by the user (bad option, missing file, invalid rule file). The CLI prints its message
 * without a stack trace (unless --debug) and exits with `exitCode` (2 = usage, config or input error).
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** A located problem in a data/rule file: "rules/x.yaml:3:5: severity must be one of error, warning, info". */
export interface FileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatProblem(p: FileProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

export class DataFileError extends UserError {
  readonly problems: FileProblem[];
  constructor(problems: FileProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DataFileError';
    this.problems = problems;
  }
}
