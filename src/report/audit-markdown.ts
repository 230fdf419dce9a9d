/**
 * `debship gate audit --format markdown`, for $GITHUB_STEP_SUMMARY and pull-request comments: a
 * heading that says passed or failed and why, the actionable findings as a table with the version
 * to upgrade to, the informational ones folded in <details>, then ignores, skips and notes. Text
 * taken from reports is escaped, so a title cannot break a table or inject markup.
 */
import { describeIgnore, type AuditFinding, type AuditResult } from '../gates/audit/evaluate.js';
import { advisoryUrl, countBySeverity, fixVersion, oneLine, packageText, severityText, titleText, totalFindings, versionText } from './audit-words.js';

export interface AuditMarkdownOptions {
  /** Informational findings listed in the folded table. Default 100. */
  informationalLimit?: number;
}

export function auditMarkdown(result: AuditResult, opts: AuditMarkdownOptions = {}): string {
  const limit = opts.informationalLimit ?? 100;
  const out: string[] = [];
  const total = totalFindings(result);
  const heading = !result.passed ? '## ❌ Dependency audit failed' : result.scannerErrors.length ? '## ⚠️ Dependency audit passed, but a scan failed' : '## ✅ Dependency audit passed';
  out.push(heading, '');
  const summary = [
    `${result.actionable.length} actionable`,
    `${result.informational.length} informational`,
    `${result.ignored.length} ignored`,
    `${result.skipped.length} skipped`,
  ];
  const reports = result.reports.length === 1 ? '1 report' : `${result.reports.length} reports`;
  out.push(total === 0 ? `No vulnerabilities found in ${reports}.` : `${summary.join(' · ')} — ${total} ${total === 1 ? 'finding' : 'findings'} in ${reports}.`, '');

  if (result.failures.length) {
    out.push('**Why it failed:**', '');
    for (const f of result.failures) out.push(`- ${inline(f)}`);
    out.push('');
  }

  if (result.actionable.length) {
    out.push(`### Actionable (${result.actionable.length})`, '', ...findingTable(result.actionable), '');
  }

  if (result.informational.length) {
    const shown = result.informational.slice(0, limit);
    out.push(`<details><summary>Informational: ${result.informational.length} (${escapeHtml(countBySeverity(result.informational))})</summary>`, '');
    out.push(...findingTable(shown), '');
    if (shown.length < result.informational.length) out.push(`… and ${result.informational.length - shown.length} more (\`--format json\` lists them all).`, '');
    out.push('</details>', '');
  }

  if (result.ignored.length) {
    out.push(`### Ignored (${result.ignored.length})`, '', '| Advisory | Package | Severity | Until | Reason |', '| --- | --- | --- | --- | --- |');
    for (const { finding: f, ignore } of result.ignored) {
      out.push(row([advisory(f), pkg(f), cell(severityText(f)), cell(ignore.expires), cell(ignore.reason)]));
    }
    out.push('');
  }

  const expired = result.expiredIgnores;
  if (expired.length) {
    out.push(`### Expired ignores (${expired.length})`, '', '| Advisory | Expired on | Reason | Matches |', '| --- | --- | --- | --- |');
    for (const { ignore, findings } of expired) {
      const matches = findings.length ? findings.map(packageText).join(', ') : 'nothing: remove it';
      out.push(row([cell(describeIgnore(ignore)), cell(ignore.expires), cell(ignore.reason), cell(matches)]));
    }
    out.push('');
  }

  if (result.skipped.length) {
    out.push(`<details><summary>Skipped: ${result.skipped.length}</summary>`, '', '| Package | Version | Reason |', '| --- | --- | --- |');
    for (const s of result.skipped) {
      const [name, version] = 'finding' in s ? [`${s.finding.package} (${s.finding.id})`, versionText(s.finding)] : [s.package, s.version];
      out.push(row([cell(name), cell(version ?? ''), cell(s.reason)]));
    }
    out.push('', '</details>', '');
  }

  if (result.notes.length) {
    out.push('**Notes:**', '');
    for (const n of result.notes) out.push(`- ${inline(n)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function findingTable(findings: AuditFinding[]): string[] {
  const lines = ['| Severity | Package | Version | Advisory | Title | Fixed in |', '| --- | --- | --- | --- | --- | --- |'];
  for (const f of findings) {
    lines.push(row([cell(severityText(f)), pkg(f), cell(versionText(f) ?? ''), advisory(f), cell(titleText(f) ?? ''), cell(fixVersion(f))]));
  }
  return lines;
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c || ' ').join(' | ')} |`;
}

function pkg(f: AuditFinding): string {
  // A code span: `@scope/name` would otherwise render as a team mention where markdown is posted.
  return code(f.package);
}

/** The id linked to its page, the aliases after it. */
function advisory(f: AuditFinding): string {
  const url = advisoryUrl(f);
  const id = url ? `[${cell(f.id)}](${linkTarget(url)})` : cell(f.id);
  return f.aliases.length ? `${id} (${cell(f.aliases.join(', '))})` : id;
}

/** A URL as a link destination inside a table: characters that end the link or the cell encoded. */
function linkTarget(url: string): string {
  return url.replace(/[()|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Text made safe for a table cell: one line, Markdown punctuation escaped (`|` would end the
 * cell, `<` start HTML, `[` a link), `&` as an entity.
 */
export function cell(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&');
}

/** A list item: one line, escaped like a cell. */
function inline(text: string): string {
  return cell(text);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text as a code span in a table cell: backticks cannot be escaped inside one, so a longer fence is used. */
function code(text: string): string {
  const t = oneLine(text).replace(/\|/g, '\\|');
  const longest = (t.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = longest ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}
