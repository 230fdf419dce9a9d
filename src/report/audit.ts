/** The audit gate's result in the format asked for (`debship gate audit --format …`). */
import type { AuditResult } from '../gates/audit/evaluate.js';
import { auditJsonText } from './audit-json.js';
import { auditMarkdown } from './audit-markdown.js';
import { auditSarifText } from './audit-sarif.js';
import { auditText } from './audit-text.js';

export const AUDIT_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type AuditFormatName = (typeof AUDIT_FORMATS)[number];

export interface RenderAuditOptions {
  /** Colour the text format (a terminal). */
  color?: boolean;
  /** debship's version, for SARIF's tool.driver.version. */
  version?: string;
}

export function renderAudit(result: AuditResult, format: AuditFormatName, opts: RenderAuditOptions = {}): string {
  switch (format) {
    case 'text':
      return auditText(result, { color: opts.color });
    case 'json':
      return auditJsonText(result);
    case 'markdown':
      return auditMarkdown(result);
    case 'sarif':
      return auditSarifText(result, { toolVersion: opts.version });
  }
}
