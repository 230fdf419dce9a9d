/** The coverage report on the GitHub Actions run page (see ../step-summary.ts). */
import { renderCoverageMarkdown } from '../../report/coverage-markdown.js';
import { appendToStepSummary } from '../step-summary.js';
import type { CoverageResult } from './gate.js';

/** Append the Markdown report when running in GitHub Actions; returns the file written, if any. */
export function appendStepSummary(result: CoverageResult, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return appendToStepSummary(renderCoverageMarkdown(result), env);
}
