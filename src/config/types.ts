/**
 * The normalised project configuration: what debship.yaml (or an nfpm.yaml) means once it has been
 * parsed, validated, had `${VAR}`s expanded and `overrides.deb` merged. Everything after the config
 * stage works on this shape, never on raw YAML.
 */
import type { Compression } from '../deb/types.js';
import type { CoverageSettings } from '../gates/coverage/gate.js';

/** nfpm's content types; `file` is nfpm's empty type. */
export type ContentType =
  | 'file'
  | 'dir'
  | 'tree'
  | 'symlink'
  | 'config'
  | 'config|noreplace'
  | 'ghost'
  | 'doc'
  | 'license'
  | 'readme';

export interface ContentSpec {
  /** Source path or glob, relative to the config file's directory (absent for `dir`). For symlinks: the link target. */
  src?: string;
  /** Absolute destination path inside the package. */
  dst: string;
  type: ContentType;
  /** Declared permission bits (file_info.mode); undefined means debship's default. */
  mode?: number;
  owner?: string;
  group?: string;
  /** file_info.mtime as seconds since the epoch. */
  mtime?: number;
  /** nfpm's `packager:` filter; entries for other packagers are dropped during normalisation. */
  packager?: string;
}

export interface BuildStep {
  name: string;
  /** A shell command line, run with `sh -c`. */
  run: string;
  env: Record<string, string>;
  /** Relative to the config file's directory. */
  cwd?: string;
}

export interface BuildConfig {
  /** Environment for every step and every architecture. */
  env: Record<string, string>;
  /** Extra environment per Debian architecture name (for example CMAKE_ARGS for arm64). */
  archEnv: Record<string, Record<string, string>>;
  steps: BuildStep[];
}

export interface SystemdUnit {
  /** Unit file, relative to the config file's directory. */
  src: string;
  /** Installed name; defaults to the basename of src. */
  name: string;
  /** Enable the unit on install (dh_installsystemd's default). */
  enable: boolean;
  /** Start it on install. */
  start: boolean;
  /** Restart on upgrade instead of stop-before/start-after. */
  restartOnUpgrade: boolean;
}

export interface SystemUser {
  name: string;
  /** Primary group; defaults to a group of the same name. */
  group: string;
  home: string;
  shell: string;
  gecos: string;
  /** Remove the user on purge (default: keep, as most packages do). */
  removeOnPurge: boolean;
}

export interface SystemGroup {
  name: string;
  removeOnPurge: boolean;
}

export interface Triggers {
  interest: string[];
  interestAwait: string[];
  interestNoawait: string[];
  activate: string[];
  activateAwait: string[];
  activateNoawait: string[];
}

export interface LintConfig {
  /** Lint each package the build writes. */
  enabled: boolean;
  /** Severities that fail the build. */
  failOn: Array<'error' | 'warning' | 'info' | 'pedantic'>;
  /** lintian tag names (current or older) not to report. */
  suppressTags: string[];
}

export interface ProjectConfig {
  /** Absolute path of the config file, and its directory (the base of every relative path). */
  file: string;
  dir: string;

  name: string;
  /** As written (`amd64`, `x86_64`, `all`…); resolved to Debian names by the build. */
  arch: string;
  /** Set when `arch` comes from nfpm's `deb.arch`: a Debian name to write as is, without translation. */
  archVerbatim?: boolean;
  platform: string;
  version: string;
  versionSchema: 'semver' | 'none';
  epoch?: string;
  release?: string;
  prerelease?: string;
  versionMetadata?: string;

  section: string;
  priority: string;
  maintainer?: string;
  description?: string;
  vendor?: string;
  homepage?: string;
  license?: string;
  /** nfpm's changelog: a YAML changelog file (chglog format), relative to dir. */
  changelog?: string;

  depends: string[];
  recommends: string[];
  suggests: string[];
  conflicts: string[];
  replaces: string[];
  provides: string[];
  predepends: string[];
  breaks: string[];

  contents: ContentSpec[];
  /** Applied to source-file modes when no mode is declared (nfpm's default 0o002). */
  umask: number;
  /** Default mtime (seconds) for entries without file_info.mtime. */
  mtime?: number;

  /** Maintainer script sources, relative to dir. */
  scripts: { preinstall?: string; postinstall?: string; preremove?: string; postremove?: string };

  deb: {
    compression: Compression;
    /** Extra control fields, written as given. */
    fields: Record<string, string>;
    triggers: Triggers;
    /** Lines of a lintian overrides file shipped as /usr/share/lintian/overrides/<name>. */
    lintianOverrides: string[];
    /** nfpm's deb.arch_variant (e.g. amd64v3): the Architecture-Variant control field. */
    archVariant?: string;
  };

  build: BuildConfig;
  systemd: SystemdUnit[];
  users: SystemUser[];
  groups: SystemGroup[];
  /** Debian/Ubuntu suites the package must install on (decides e.g. whether zstd is allowed). */
  target: string[];
  lint: LintConfig;
  gates: GatesConfig;
}

/** Result of loading a config: the config, or every problem found. */
export interface ConfigWarning {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** `gates:`: the quality gates `debship gate` runs. Paths are absolute; report patterns may be globs. */
export interface GatesConfig {
  coverage?: CoverageGateConfig;
  audit?: AuditGateConfig;
}

/** Report files or globs, history and badge paths absolute. */
export type CoverageGateConfig = CoverageSettings;

export interface AuditGateConfig {
  /** Report files or globs, absolute. */
  reports: string[];
  /** A policy file (absolute path), or the policy written inline (validated YAML) and the file it is in. */
  policy?: string | { inline: RawAuditPolicy; file: string };
}

/** An audit policy as written in YAML, validated but without defaults (src/gates/audit/policy.ts applies them). */
export type RawAuditPolicy = Record<string, unknown>;
