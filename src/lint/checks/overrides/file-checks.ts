/**
 * lintian's debian/lintian-overrides checks: what is wrong with the overrides file a package
 * ships (lines that do not parse, the same context twice, bad architecture lists, tags lintian
 * does not know or knows under a newer name).
 */
import { isValidRestriction } from '../../data/architectures.js';
import { pointed } from '../../hint-text.js';
import { lintianCurrentName } from '../../data/index.js';
import { mayBeOverridesFile, ownOverridesFile } from '../../own-overrides.js';
import { parseOverrides, type ParsedOverrides } from '../../overrides.js';
import type { Check, LintPackage } from '../../types.js';

const FIX = 'Edit deb.lintian_overrides in debship.yaml (it becomes /usr/share/lintian/overrides/<package>).';

function parsed(pkg: LintPackage): ParsedOverrides | undefined {
  const file = ownOverridesFile(pkg);
  return file && parseOverrides(file.text, pkg.name, file.source);
}

const wantsContent = (f: { path: string }) => mayBeOverridesFile(f.path);

export const malformedCheck: Check = {
  name: 'debian/lintian-overrides/malformed',
  tags: [
    {
      name: 'malformed-override',
      severity: 'error',
      check: 'debian/lintian-overrides/malformed',
      explanation: 'A line of the package\'s lintian overrides file does not have the form `[[package][ [archlist]][ type]: ]tag[ context]`, so it overrides nothing.',
      fix: `${FIX} Write each override as \`tag context\`; a package name, architecture list or type before the tag must be followed by a colon.`,
    },
  ],
  wantsContent,
  run({ pkg, report }) {
    for (const e of parsed(pkg)?.errors ?? []) report('malformed-override', `${e.message} [${e.source}:${e.line}]`);
  },
};

export const duplicateCheck: Check = {
  name: 'debian/lintian-overrides/duplicate',
  tags: [
    {
      name: 'duplicate-override-context',
      severity: 'warning',
      check: 'debian/lintian-overrides/duplicate',
      explanation: 'Several lines override the same tag with the same context; only the last one takes effect.',
      fix: `${FIX} Keep one line per tag and context.`,
    },
  ],
  wantsContent,
  run({ pkg, report }) {
    const file = parsed(pkg);
    if (!file) return;
    const byKey = new Map<string, { tag: string; lines: number[]; source: string }>();
    for (const o of file.overrides) {
      const tag = lintianCurrentName(o.tag) ?? '';
      const key = `${tag}\0${o.pattern}`;
      const seen = byKey.get(key) ?? { tag, lines: [], source: o.source };
      seen.lines.push(o.line);
      byKey.set(key, seen);
    }
    for (const { tag, lines, source } of byKey.values()) {
      // lintian sorts the line numbers as strings.
      if (lines.length > 1) report('duplicate-override-context', pointed(source, tag, `(lines ${lines.map(String).sort().join(' ')})`));
    }
  },
};

export const restrictedCheck: Check = {
  name: 'debian/lintian-overrides/restricted',
  tags: [
    {
      name: 'invalid-override-restriction',
      severity: 'error',
      check: 'debian/lintian-overrides/restricted',
      explanation:
        'An override\'s architecture list names an unknown architecture or wildcard, mixes negated and plain entries, or appears in an Architecture: all package, where it can never match.',
      fix: `${FIX} Use Debian architecture names or wildcards (amd64, linux-any, any-arm64), all negated or none, and no list at all in an arch: all package.`,
    },
  ],
  wantsContent,
  run({ pkg, report }) {
    for (const o of parsed(pkg)?.overrides ?? []) {
      const where = `[${o.source}:${o.line}]`;
      if (!o.architectures.length) continue;
      if (pkg.architecture === 'all') {
        report('invalid-override-restriction', `Architecture list in Arch:all installable ${where}`);
        continue;
      }
      const invalid = o.architectures.filter((a) => !isValidRestriction(a));
      for (const a of invalid) report('invalid-override-restriction', `Unknown architecture wildcard ${a} ${where}`);
      if (invalid.length) continue;
      const negated = o.architectures.filter((a) => a.startsWith('!')).length;
      if (negated > 0 && negated !== o.architectures.length) report('invalid-override-restriction', `Inconsistent architecture negation ${where}`);
    }
  },
};

export const mysteryCheck: Check = {
  name: 'debian/lintian-overrides/mystery',
  tags: [
    {
      name: 'alien-tag',
      severity: 'error',
      check: 'debian/lintian-overrides/mystery',
      explanation: 'The overrides file names a tag lintian does not know (a typo, or a tag that was removed), so the override does nothing.',
      fix: `${FIX} Check the spelling with \`debship lint --explain TAG\`, or remove the line.`,
    },
    {
      name: 'renamed-tag',
      severity: 'pedantic',
      check: 'debian/lintian-overrides/mystery',
      explanation: 'The overrides file names a tag by an older name. It still works, but the current name is clearer.',
      fix: `${FIX} Replace the old name with the current one shown in the finding.`,
    },
  ],
  wantsContent,
  run({ pkg, report }) {
    for (const o of parsed(pkg)?.overrides ?? []) {
      const where = `[${o.source}:${o.line}]`;
      const current = lintianCurrentName(o.tag);
      if (current === undefined) report('alien-tag', `${o.tag} ${where}`);
      else if (current !== o.tag) report('renamed-tag', `${o.tag} => ${current} ${where}`);
    }
  },
};
