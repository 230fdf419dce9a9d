/** The coverage gate's output in the format asked for. */
import type { CoverageResult } from '../gates/coverage/gate.js';
import { renderCoverageJson } from './coverage-json.js';
import { renderCoverageMarkdown } from './coverage-markdown.js';
import { renderCoverageText } from './coverage-text.js';

export type CoverageOutputFormat = 'text' | 'json' | 'markdown';

export function renderCoverage(
  result: CoverageResult,
  format: CoverageOutputFormat,
  opts: { color?: boolean; allFiles?: boolean } = {},
): string {
  switch (format) {
    case 'text':
      return renderCoverageText(result, opts);
    case 'json':
      return renderCoverageJson(result);
    case 'markdown':
      return renderCoverageMarkdown(result, opts);
  }
}
