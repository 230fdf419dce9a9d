/**
 * Errors users can act on. Every error debship raises on purpose is a DebshipError: a stable
 * code, a message that says what and where, and a hint that says how to fix it. Anything else
 * reaching the CLI is a bug and is reported as one.
 */

/** Exit codes, shared by every command (documented in docs/cli.md). */
export const ExitCode = {
  ok: 0,
  /** Findings: lint tags, failed gates, failed tests. */
  findings: 1,
  /** Usage, configuration or environment problems: nothing was done. */
  usage: 2,
  /** A bug in debship itself. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface ErrorDetails {
  /** How to fix it, in the user's terms. */
  hint?: string;
  /** Where: a file, optionally with line and column (1-based). */
  file?: string;
  line?: number;
  column?: number;
  exitCode?: ExitCode;
  cause?: unknown;
}

export class DebshipError extends Error {
  readonly code: string;
  readonly hint?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly exitCode: ExitCode;

  constructor(code: string, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'DebshipError';
    this.code = code;
    this.hint = details.hint;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.exitCode = details.exitCode ?? ExitCode.usage;
  }

  /** `file:line:column` when known, else the file, else undefined. */
  get location(): string | undefined {
    if (!this.file) return undefined;
    if (this.line === undefined) return this.file;
    return `${this.file}:${this.line}${this.column === undefined ? '' : `:${this.column}`}`;
  }
}

/** Several problems found at once (a config with three mistakes reports all three). */
export class DebshipErrors extends DebshipError {
  readonly errors: DebshipError[];
  constructor(code: string, message: string, errors: DebshipError[]) {
    super(code, message, { exitCode: errors[0]?.exitCode ?? ExitCode.usage });
    this.errors = errors;
  }
}

export function isDebshipError(e: unknown): e is DebshipError {
  return e instanceof DebshipError;
}
