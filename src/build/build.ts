/**
 * `debship build` as a library call: for each architecture, run the build steps into a staging
 * directory, resolve contents, add what a lint-clean package needs, compose maintainer scripts,
 * and write the .deb atomically.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { ProjectConfig } from '../config/types.js';
import { parseArchList } from '../deb/arch.js';
import type { Package, PackageEntry } from '../deb/types.js';
import { DebshipError } from '../core/errors.js';
import { makeDirs } from '../core/make-dirs.js';
import { readChglog } from './changelog.js';
import { debianVersion } from '../deb/semver.js';
import { writeDeb } from '../deb/writer.js';
import { buildControlFields } from './control-fields.js';
import { resolveContents } from './contents.js';
import { addGeneratedDocs } from './generated-files.js';
import { composeScripts } from './maintainer-scripts.js';
import { readUserScripts } from './user-script-files.js';
import { resolveSourceDateEpoch } from './source-date.js';
import { runBuildSteps, type StepRunner } from './steps.js';
import { systemdUnitEntries } from './systemd-files.js';
import { triggersMember } from './triggers.js';
import { checkCompressionForTargets } from './targets.js';
import type { LintRun } from '../lint/engine.js';
import { checkLintConfig, lintBuilt, type BuildLint } from './lint.js';

export interface BuildRequest {
  config: ProjectConfig;
  /** Architectures to build (Debian names or aliases); default: the config's `arch`. */
  archs?: string[];
  outDir: string;
  env: NodeJS.ProcessEnv;
  /** Replaces the config's version (e.g. from `git describe`). */
  version?: string;
  signal?: AbortSignal;
  onEvent?: (e: BuildEvent) => void;
  stepRunner?: StepRunner;
  /** Where build-step output goes (stderr by default in the CLI). */
  stepOutput?: Writable;
  keepStaging?: boolean;
}

export interface BuiltPackage {
  name: string;
  version: string;
  arch: string;
  path: string;
  size: number;
  sha256: string;
  fileCount: number;
  installedSize: number;
  /** What `debship lint` found in the package (absent when lint.enabled is false). */
  lint?: BuildLint;
}

export type BuildEvent =
  | { type: 'arch-start'; arch: string; version: string }
  | { type: 'step'; arch: string; name: string }
  /** Payload bytes hashed, then packed, so far. */
  | { type: 'pack-progress'; arch: string; phase: 'hashing' | 'packing'; done: number; total: number }
  | { type: 'built'; pkg: BuiltPackage }
  | { type: 'lint'; arch: string; path: string; run: LintRun };

export async function build(req: BuildRequest): Promise<BuiltPackage[]> {
  const { config } = req;
  // nfpm's deb.arch is written as given (an architecture debship does not know, for instance).
  const archs = req.archs?.length ? parseArchList(req.archs.join(',')) : config.archVerbatim ? [config.arch] : parseArchList(config.arch);
  const version = debianVersion({ ...config, version: req.version ?? config.version });
  checkCompressionForTargets(config.deb.compression, config.target, config.file);
  if (config.lint.enabled) await checkLintConfig(config);
  const sourceDateEpoch = await resolveSourceDateEpoch(req.env, config.mtime, config.dir);
  makeDirs(req.outDir);
  const built: BuiltPackage[] = [];
  for (const arch of archs) {
    built.push(await buildOne(req, arch, version, sourceDateEpoch));
  }
  return built;
}

async function buildOne(req: BuildRequest, arch: string, version: string, sourceDateEpoch: number): Promise<BuiltPackage> {
  const { config } = req;
  req.onEvent?.({ type: 'arch-start', arch, version });
  const staging = config.build.steps.length ? await mkdtemp(join(tmpdir(), `debship-${config.name}-${arch}-`)) : undefined;
  try {
    if (staging) {
      await runBuildSteps(
        config.build,
        { arch, version, stagingDir: staging, sourceDateEpoch, configDir: config.dir, env: req.env, signal: req.signal, output: req.stepOutput },
        req.stepRunner,
        (step) => req.onEvent?.({ type: 'step', arch, name: step.name }),
      );
    }
    const contents = await resolveContents(config, { sourceDateEpoch, stagingDir: staging });
    const units = await systemdUnitEntries(config, sourceDateEpoch);
    rejectDuplicates(contents.entries, units);
    const changelog = config.changelog ? await readChglog(config.dir, config.changelog, config.maintainer ?? config.name) : undefined;
    const files = addGeneratedDocs([...contents.entries, ...units], { config, version, sourceDateEpoch, changelog });
    const userScripts = await readUserScripts(config);
    const ownedPaths = files.filter((f) => f.type !== 'symlink' && (f.owner !== 'root' || f.group !== 'root'));
    const composed = composeScripts({ packageName: config.name, userScripts, units: config.systemd, users: config.users, groups: config.groups, ownedPaths });
    const pkg: Package = {
      control: buildControlFields({ config, version, arch, extraDepends: composed.depends }),
      files,
      conffiles: contents.conffiles,
      scripts: composed.scripts,
      controlExtras: triggersMember(config),
      compression: config.deb.compression,
      sourceDateEpoch,
    };
    const path = join(req.outDir, debFileName(config.name, version, arch));
    const out = await writeDeb(pkg, path, {
      signal: req.signal,
      onProgress: (done, total, phase) => req.onEvent?.({ type: 'pack-progress', arch, phase, done, total }),
    });
    const result: BuiltPackage = { name: config.name, version, arch, path: out.path, size: out.size, sha256: out.sha256, fileCount: out.fileCount, installedSize: out.installedSize };
    if (config.lint.enabled) result.lint = await lintBuilt(config, out.path, (run) => req.onEvent?.({ type: 'lint', arch, path: out.path, run }));
    req.onEvent?.({ type: 'built', pkg: result });
    return result;
  } finally {
    if (staging && !req.keepStaging) await rm(staging, { recursive: true, force: true });
  }
}

function rejectDuplicates(contents: PackageEntry[], units: PackageEntry[]): void {
  const paths = new Set(contents.map((e) => e.path));
  for (const u of units) {
    if (paths.has(u.path)) {
      throw new DebshipError('content-duplicate', `${u.path} is both in contents and a systemd unit`, {
        hint: 'list the unit under systemd: only; debship installs it and generates its maintainer-script snippets',
      });
    }
  }
}

/** Debian's file name convention: the epoch is not part of the name. */
export function debFileName(name: string, version: string, arch: string): string {
  return `${name}_${version.replace(/^\d+:/, '')}_${arch}.deb`;
}
