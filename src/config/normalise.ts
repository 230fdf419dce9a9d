/**
 * Validated file → ProjectConfig: shorthands expanded, defaults applied, nfpm spellings mapped to
 * debship's (`config|missingok` is a conffile, `""` is a file), other packagers' contents dropped.
 * Pure: no file system, no environment.
 *
 * Defaults that differ from nfpm's, on purpose: section `misc` and priority `optional` (nfpm leaves
 * section empty, which lintian reports); compression xz (nfpm: gzip), as dpkg-deb does.
 */
import { basename, dirname } from 'node:path';
import type { ContentSpec, ContentType, ProjectConfig, SystemGroup, SystemUser, SystemdUnit } from './types.js';
import type { RawConfig, RawContent } from './schema.js';
import { normaliseGates } from './gates.js';
import { modeValue, parseTimestamp, toCompression } from './scalars.js';

export const DEFAULTS = {
  arch: 'amd64',
  platform: 'linux',
  section: 'misc',
  priority: 'optional',
  umask: 0o002,
  compression: 'xz',
  target: ['bookworm'],
  home: '/nonexistent',
  shell: '/usr/sbin/nologin',
} as const;

/** `file` must be absolute. */
export function normalise(raw: RawConfig, file: string): ProjectConfig {
  const deb = raw.deb ?? {};
  const t = deb.triggers ?? {};
  return {
    file,
    dir: dirname(file),
    name: raw.name,
    arch: text(deb.arch) ?? text(raw.arch) ?? DEFAULTS.arch,
    ...(text(deb.arch) ? { archVerbatim: true } : {}),
    platform: text(raw.platform) ?? DEFAULTS.platform,
    version: raw.version,
    versionSchema: raw.version_schema ?? 'semver',
    epoch: text(raw.epoch),
    release: text(raw.release),
    prerelease: text(raw.prerelease),
    versionMetadata: text(raw.version_metadata),
    section: text(raw.section) ?? DEFAULTS.section,
    priority: text(raw.priority) ?? DEFAULTS.priority,
    maintainer: text(raw.maintainer),
    description: text(raw.description),
    vendor: text(raw.vendor),
    homepage: text(raw.homepage),
    license: text(raw.license),
    changelog: text(raw.changelog),
    depends: raw.depends ?? [],
    recommends: raw.recommends ?? [],
    suggests: raw.suggests ?? [],
    conflicts: raw.conflicts ?? [],
    replaces: raw.replaces ?? [],
    provides: raw.provides ?? [],
    predepends: deb.predepends ?? [],
    breaks: deb.breaks ?? [],
    contents: (raw.contents ?? []).filter(forDeb).map(content),
    umask: raw.umask === undefined ? DEFAULTS.umask : (modeValue(raw.umask) ?? DEFAULTS.umask),
    mtime: timeValue(raw.mtime),
    scripts: definedOnly(raw.scripts ?? {}),
    deb: {
      compression: toCompression(deb.compression ?? DEFAULTS.compression),
      fields: Object.fromEntries(Object.entries(deb.fields ?? {}).filter(([, v]) => v.trim() !== '')),
      triggers: {
        interest: t.interest ?? [],
        interestAwait: t.interest_await ?? [],
        interestNoawait: t.interest_noawait ?? [],
        activate: t.activate ?? [],
        activateAwait: t.activate_await ?? [],
        activateNoawait: t.activate_noawait ?? [],
      },
      lintianOverrides: deb.lintian_overrides ?? [],
      ...(text(deb.arch_variant) ? { archVariant: text(deb.arch_variant) } : {}),
    },
    build: {
      env: raw.build?.env ?? {},
      archEnv: raw.build?.arch_env ?? {},
      steps: (raw.build?.steps ?? []).map((s) => ({
        name: text(s.name) ?? stepName(s.run),
        run: s.run,
        env: s.env ?? {},
        ...(text(s.cwd) ? { cwd: s.cwd } : {}),
      })),
    },
    systemd: (raw.systemd ?? []).map(unit),
    users: (raw.users ?? []).map(user),
    groups: (raw.groups ?? []).map(group),
    target: raw.target === undefined ? [...DEFAULTS.target] : typeof raw.target === 'string' ? [raw.target] : raw.target,
    lint: { enabled: raw.lint?.enabled ?? true, failOn: raw.lint?.fail_on ?? ['error'], suppressTags: raw.lint?.suppress_tags ?? [] },
    gates: normaliseGates(raw.gates, file),
  };
}

/** nfpm's `packager:` filter: entries without one, or for deb. */
export function forDeb(c: RawContent): boolean {
  return c.packager === undefined || c.packager === '' || c.packager === 'deb';
}

const TYPES: Record<string, ContentType> = { '': 'file', 'config|missingok': 'config', licence: 'license' };

function content(c: RawContent): ContentSpec {
  const spec: ContentSpec = { dst: c.dst, type: TYPES[c.type ?? ''] ?? (c.type as ContentType) };
  if (c.src !== undefined && c.src !== '') spec.src = c.src;
  const info = c.file_info;
  const mode = info?.mode === undefined ? undefined : modeValue(info.mode);
  if (mode !== undefined) spec.mode = mode;
  if (text(info?.owner)) spec.owner = info!.owner;
  if (text(info?.group)) spec.group = info!.group;
  const mtime = timeValue(info?.mtime);
  if (mtime !== undefined) spec.mtime = mtime;
  if (c.packager) spec.packager = c.packager;
  return spec;
}

type RawUnit = NonNullable<RawConfig['systemd']>[number];
type RawUser = NonNullable<RawConfig['users']>[number];
type RawGroup = NonNullable<RawConfig['groups']>[number];

function unit(u: RawUnit): SystemdUnit {
  const o = typeof u === 'string' ? { src: u } : u;
  return {
    src: o.src,
    name: text(o.name) ?? basename(o.src),
    enable: o.enable ?? true,
    start: o.start ?? true,
    restartOnUpgrade: o.restart_on_upgrade ?? true,
  };
}

function user(u: RawUser): SystemUser {
  const o = typeof u === 'string' ? { name: u } : u;
  return {
    name: o.name,
    group: text(o.group) ?? o.name,
    home: text(o.home) ?? DEFAULTS.home,
    shell: text(o.shell) ?? DEFAULTS.shell,
    gecos: o.gecos ?? '',
    removeOnPurge: o.remove_on_purge ?? false,
  };
}

function group(g: RawGroup): SystemGroup {
  const o = typeof g === 'string' ? { name: g } : g;
  return { name: o.name, removeOnPurge: o.remove_on_purge ?? false };
}

/** The first line of a command, shortened, as a step's default name. */
function stepName(run: string): string {
  const line = run.trim().split('\n')[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

function timeValue(v: number | string | undefined): number | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'number' ? v : parseTimestamp(v);
}

/** Empty strings are unset, as nfpm treats them. */
function text(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v;
}

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}
