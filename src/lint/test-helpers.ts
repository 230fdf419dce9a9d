/**
 * Builds LintPackage values for unit tests of checks, without a .deb: give the control fields,
 * files and control members that matter for the check under test.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShellSyntax } from './shell-syntax.js';
import type { Check, ControlMember, Finding, LintFile, LintPackage } from './types.js';

export interface FakeFile {
  path: string;
  type?: LintFile['type'];
  mode?: number;
  owner?: string;
  group?: string;
  uid?: number;
  gid?: number;
  content?: string | Buffer;
  linkTarget?: string;
  size?: number;
}

export function fakePackage(spec: {
  fields?: Record<string, string>;
  files?: FakeFile[];
  control?: Record<string, string | Partial<ControlMember> & { text: string }>;
}): LintPackage {
  const fields: Array<[string, string]> = Object.entries({
    Package: 'demo',
    Version: '1.0-1',
    Architecture: 'amd64',
    Maintainer: 'Demo Maintainer <demo@example.org>',
    Description: 'demonstration package\n A package for tests.',
    ...spec.fields,
  }).filter(([, v]) => v !== '');
  const files: LintFile[] = (spec.files ?? []).map((f) => {
    const type = f.type ?? (f.linkTarget !== undefined ? 'symlink' : f.path.endsWith('/') ? 'dir' : 'file');
    const path = '/' + f.path.replace(/^\/+/, '').replace(/\/$/, '');
    const content = typeof f.content === 'string' ? Buffer.from(f.content) : f.content;
    const base: LintFile = {
      name: path === '/' ? '' : path.slice(1) + (type === 'dir' ? '/' : ''),
      path,
      type,
      mode: f.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644),
      owner: f.owner ?? 'root',
      group: f.group ?? 'root',
      uid: f.uid ?? 0,
      gid: f.gid ?? 0,
      size: f.size ?? content?.length ?? 0,
      mtime: 1_700_000_000,
      ...(f.linkTarget !== undefined ? { linkTarget: f.linkTarget } : {}),
    };
    if (type === 'file') {
      const data = content ?? Buffer.alloc(0);
      base.md5 = createHash('md5').update(data).digest('hex');
      base.head = data.subarray(0, 4096);
      base.content = data;
    }
    return base;
  });
  const controlMembers = new Map<string, ControlMember>();
  for (const [name, m] of Object.entries(spec.control ?? {})) {
    const member = typeof m === 'string' ? { text: m } : m;
    controlMembers.set(name, { name, mode: 0o644, owner: 'root', group: 'root', uid: 0, gid: 0, size: Buffer.byteLength(member.text), bytes: Buffer.from(member.text), ...member });
  }
  const get = (name: string) => fields.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return {
    file: `${get('Package') ?? 'demo'}.deb`,
    name: get('Package') ?? '',
    version: get('Version') ?? '',
    architecture: get('Architecture') ?? '',
    fields,
    field: get,
    controlMembers,
    files,
    byPath: new Map(files.map((f) => [f.path, f])),
    members: [],
  };
}

/** Runs one check on a package and returns its findings as `tag context` strings, sorted; masked ones start `(masked) `. */
export async function runCheck(check: Check, pkg: LintPackage): Promise<string[]> {
  const found: Finding[] = [];
  const known = new Set(check.tags.map((t) => t.name));
  const shells = new ShellSyntax();
  try {
    await check.run({
      pkg,
      shells,
      report(tag, context = '', how) {
        if (!known.has(tag)) throw new Error(`check ${check.name} reported undeclared tag ${tag}`);
        found.push({ package: pkg.name, severity: 'error', tag, context, ...(how?.masked ? { masked: true as const } : {}) });
      },
    });
  } finally {
    shells.close();
  }
  return found.map((f) => `${f.masked ? '(masked) ' : ''}${f.context ? `${f.tag} ${f.context}` : f.tag}`).sort();
}

/**
 * Writes each text as bytes (one per character, as lintian reads a file) to `<dir>/<index>` in a
 * fresh temporary directory, runs `use` on the paths, and removes the directory.
 */
export function withByteFiles<T>(texts: string[], use: (files: string[], dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'debship-texts-'));
  try {
    const files = texts.map((t, i) => {
      const file = join(dir, String(i));
      writeFileSync(file, Buffer.from(t, 'latin1'));
      return file;
    });
    return use(files, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
