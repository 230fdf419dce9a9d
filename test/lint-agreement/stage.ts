/** Writing a recipe's files to a staging tree: documentation defaults, compiled objects, odd names. */
import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { exec } from '../../src/core/exec.js';
import { defaultChangelog, defaultCopyright, GZIP_MTIME, type Changelog, type Compiled, type Content, type Entry, type Recipe } from './recipe.js';

export interface CompileTools {
  gcc: string;
  gxx: string;
  strip: string;
}

/** What the staged tree needs beyond plain files: owners to set and the modes to apply. */
export interface Staged {
  chowns: string[];
  modes: Array<[string | Buffer, number]>;
}

/** The recipe's files plus the copyright, changelog and payload file every package gets by default. */
export function allEntries(r: Recipe, version: string): Entry[] {
  const doc = `/usr/share/doc/${r.name}`;
  const base = version.includes('-') ? 'changelog.Debian' : 'changelog';
  return [
    ...(r.copyright === false ? [] : [{ path: `${doc}/copyright`, content: r.copyright ?? defaultCopyright(r.name) }]),
    ...changelogEntries(doc, r.changelog ?? 'ok', defaultChangelog(r.name, version), base),
    ...(r.noPayload ? [] : [{ path: `/usr/share/${r.name}/data.json`, content: '{}\n' }]),
    ...(r.files ?? []),
  ];
}

function changelogEntries(doc: string, kind: Changelog, text: string, base: string): Entry[] {
  const gz = (level: number) => gzipSync(Buffer.from(text), { level });
  switch (kind) {
    case 'missing':
      return [];
    case 'plain':
      return [{ path: `${doc}/${base}`, content: text }];
    case 'gzip-1':
      return [{ path: `${doc}/${base}.gz`, content: gz(1) }];
    case 'timestamped': {
      const buf = gz(constants.Z_BEST_COMPRESSION);
      buf.writeUInt32LE(GZIP_MTIME, 4); // gzip's MTIME field; the header has no CRC to fix
      return [{ path: `${doc}/${base}.gz`, content: buf }];
    }
    case 'symlink':
      return [
        { path: `${doc}/${base}.real.gz`, content: gz(constants.Z_BEST_COMPRESSION) },
        { path: `${doc}/${base}.gz`, symlink: `${base}.real.gz` },
      ];
    case 'ok':
      return [{ path: `${doc}/${base}.gz`, content: gz(constants.Z_BEST_COMPRESSION) }];
  }
}

/** Writes every entry under `root`; `scratch` is where sources are compiled. */
export async function stageEntries(root: string, entries: Entry[], scratch: string, tools: CompileTools): Promise<Staged> {
  const staged: Staged = { chowns: [], modes: [] };
  for (const e of entries) {
    const at = fsPath(root, e);
    mkdirParents(root, dirname(join(root, e.path)));
    if (e.path.endsWith('/')) mkdirSync(at, { recursive: true });
    else if (e.symlink !== undefined) symlinkSync(e.symlink, at);
    else if (e.hardlink !== undefined) linkSync(join(root, e.hardlink), at);
    else if (e.fifo) execFileSync('mkfifo', [join(root, e.path)]);
    else writeFileSync(at, await materialize(e.content, scratch, tools));
    if (e.symlink === undefined && e.hardlink === undefined) staged.modes.push([at, e.mode ?? (e.path.endsWith('/') ? 0o755 : 0o644)]);
    if (e.uid !== undefined || e.gid !== undefined) staged.chowns.push(`chown -h ${e.uid ?? 0}:${e.gid ?? 0} '${join(root, e.path)}'`);
  }
  return staged;
}

export async function materialize(content: Content | undefined, scratch: string, tools: CompileTools): Promise<Buffer | string> {
  const c = content ?? '';
  if (typeof c === 'string' || Buffer.isBuffer(c)) return c;
  return compile(c.compile, scratch, tools);
}

async function compile(spec: Compiled, scratch: string, tools: CompileTools): Promise<Buffer> {
  const src = join(scratch, spec.cxx ? 'src.cc' : 'src.c');
  const bin = join(scratch, 'a.out');
  writeFileSync(src, spec.c);
  // Flags follow the source, in order: `-lz` must, and `-Wl,-Bstatic -lz` brackets it.
  await exec(spec.cxx ? tools.gxx : tools.gcc, ['-O2', `-ffile-prefix-map=${scratch}=.`, '-o', bin, src, ...(spec.flags ?? [])]);
  const strip = spec.strip ?? true;
  if (strip) await exec(tools.strip, ['--strip-unneeded', ...(strip === 'plain' ? [] : ['--remove-section=.comment', '--remove-section=.note']), bin]);
  const out = readFileSync(bin);
  return spec.patch ? spec.patch(out) : out;
}

function mkdirParents(root: string, dir: string): void {
  if (dir.length <= root.length) return;
  mkdirParents(root, dirname(dir));
  try {
    mkdirSync(dir);
    chmodSync(dir, 0o755);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** The entry's path on disk; a Buffer so that an ISO 8859-1 name keeps its bytes. */
export function fsPath(root: string, e: Pick<Entry, 'path' | 'latin1'>): Buffer {
  return Buffer.concat([Buffer.from(root), Buffer.from(e.path, e.latin1 ? 'latin1' : 'utf8')]);
}
