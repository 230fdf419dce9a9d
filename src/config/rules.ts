/**
 * Checks across fields, on the validated and merged configuration: what the schema cannot say
 * alone. Paths are those of the merged config; load.ts maps them back to where they were written.
 */
import { basename } from 'node:path';
import { isDebshipError } from '../core/errors.js';
import { parseArchList, toDebianArch } from '../deb/arch.js';
import { debianVersion } from '../deb/semver.js';
import { quotePath, type Path, type Problem } from './problems.js';
import type { RawConfig } from './schema.js';
import type { ProjectConfig } from './types.js';

export interface RuleResult {
  errors: Problem[];
  warnings: Problem[];
}

/** Fields debship writes itself: setting them through deb.fields would duplicate them. */
const OWN_FIELDS = [
  'Package', 'Version', 'Architecture', 'Maintainer', 'Installed-Size', 'Pre-Depends', 'Depends', 'Recommends',
  'Suggests', 'Breaks', 'Conflicts', 'Replaces', 'Provides', 'Section', 'Priority', 'Homepage', 'Description',
];
const FIELD_KEYS: Record<string, string> = {
  Package: 'name', Version: 'version', Architecture: 'arch', Maintainer: 'maintainer', 'Pre-Depends': 'deb.predepends',
  Depends: 'depends', Recommends: 'recommends', Suggests: 'suggests', Breaks: 'deb.breaks', Conflicts: 'conflicts',
  Replaces: 'replaces', Provides: 'provides', Section: 'section', Priority: 'priority', Homepage: 'homepage', Description: 'description',
};
const PRIORITIES = ['required', 'important', 'standard', 'optional'];
const PACKAGERS = ['deb', 'rpm', 'apk', 'archlinux', 'ipk', 'termux.deb'];
/** Content types whose src is a path in the build tree (or the link target). */
const NEEDS_SRC = new Set(['', 'file', 'tree', 'symlink', 'config', 'config|noreplace', 'config|missingok', 'doc', 'license', 'licence', 'readme']);

export function checkRules(raw: RawConfig, config: ProjectConfig): RuleResult {
  const r: RuleResult = { errors: [], warnings: [] };
  checkMetadata(raw, config, r);
  checkVersionAndArch(raw, config, r);
  checkContents(raw, r);
  checkFields(raw, r);
  checkUnits(raw, config, r);
  checkAccounts(config, r);
  checkArchEnv(raw, r);
  return r;
}

function checkMetadata(raw: RawConfig, config: ProjectConfig, r: RuleResult): void {
  if (!config.maintainer) {
    r.warnings.push({
      code: 'config/maintainer-missing',
      message: '`maintainer` is not set; Debian packages need a Maintainer field and a placeholder will be written',
      hint: 'Add `maintainer: Your Name <you@example.com>`.',
      path: [],
    });
  }
  if (!config.description) {
    r.warnings.push({
      code: 'config/description-missing',
      message: '`description` is not set; the package will have a generic one',
      hint: 'Add `description:` with a one-line synopsis, then a longer text on the following lines.',
      path: [],
    });
  }
  if (config.platform !== 'linux') {
    r.warnings.push({
      code: 'config/platform',
      message: `\`platform\` is \`${config.platform}\`; Debian packages are for Linux, so it has no effect`,
      hint: 'Remove `platform`, or set it to linux.',
      path: ['platform'],
    });
  }
  if (raw.priority !== undefined && raw.priority.trim() !== '' && !PRIORITIES.includes(raw.priority)) {
    r.warnings.push({
      code: 'config/priority',
      message: raw.priority === 'extra'
        ? '`priority: extra` is deprecated in Debian policy; it means the same as optional'
        : `\`priority\` is \`${raw.priority}\`, which is not a Debian priority`,
      hint: `Use one of ${PRIORITIES.join(', ')} (usually optional).`,
      path: ['priority'],
    });
  }
}

function checkVersionAndArch(raw: RawConfig, config: ProjectConfig, r: RuleResult): void {
  try {
    debianVersion(config);
  } catch (e) {
    if (!isDebshipError(e)) throw e;
    r.errors.push({ code: 'config/invalid-version', message: `\`version\`: ${e.message.replace(/^version /, '')}`, hint: e.hint, path: ['version'] });
  }
  if (!config.archVerbatim) {
    try {
      parseArchList(config.arch);
    } catch (e) {
      if (!isDebshipError(e)) throw e;
      r.errors.push({ code: 'config/invalid-arch', message: `\`arch\`: ${e.message}`, hint: e.hint, path: raw.arch === undefined ? [] : ['arch'] });
    }
  }
}

function checkContents(raw: RawConfig, r: RuleResult): void {
  (raw.contents ?? []).forEach((c, i) => {
    const path: Path = ['contents', i];
    const type = c.type ?? '';
    if (NEEDS_SRC.has(type) && (c.src === undefined || c.src.trim() === '')) {
      r.errors.push({
        code: 'config/content-src',
        message: `${quotePath(path)} needs \`src\`: ${type === 'symlink' ? 'the path the link points to' : `the file${type === 'tree' ? ' tree' : ''} to install at ${c.dst}`}`,
        hint: type === 'symlink' ? 'Add `src: /path/it/points/to`.' : 'Add `src:` with a path relative to the config file, or use `type: dir` for an empty directory.',
        path,
      });
    }
    if (c.packager && !PACKAGERS.includes(c.packager)) {
      r.warnings.push({
        code: 'config/content-packager',
        message: `${quotePath([...path, 'packager'])} is \`${c.packager}\`, which is not a packager; the entry is skipped`,
        hint: 'Use packager: deb, or remove the key to include the entry for every packager.',
        path: [...path, 'packager'],
      });
    }
  });
}

function checkFields(raw: RawConfig, r: RuleResult): void {
  for (const name of Object.keys(raw.deb?.fields ?? {})) {
    const own = OWN_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase());
    if (!own) continue;
    const key = FIELD_KEYS[own];
    r.errors.push({
      code: 'config/control-field',
      message: `\`deb.fields.${name}\` duplicates the ${own} field debship writes`,
      hint: key ? `Set \`${key}\` instead.` : `Remove it; debship computes ${own}.`,
      path: ['deb', 'fields', name],
      at: 'key',
    });
  }
}

const UNIT = /^[A-Za-z0-9:_.\\@-]+\.(service|socket|timer|path|target|mount|automount|swap|slice)$/;

function checkUnits(raw: RawConfig, config: ProjectConfig, r: RuleResult): void {
  const seen = new Map<string, number>();
  config.systemd.forEach((u, i) => {
    const item = raw.systemd?.[i];
    const explicitName = typeof item === 'object' && item.name !== undefined;
    if (!explicitName && !UNIT.test(u.name)) {
      r.errors.push({
        code: 'config/systemd-name',
        message: `${quotePath(['systemd', i])}: \`${basename(u.src)}\` is not a systemd unit file name`,
        hint: 'Name the file like the unit (hello.service), or set `name: hello.service`.',
        path: typeof item === 'object' ? ['systemd', i, 'src'] : ['systemd', i],
      });
    }
    const first = seen.get(u.name);
    if (first !== undefined) {
      r.errors.push({
        code: 'config/systemd-duplicate',
        message: `${quotePath(['systemd', i])} installs \`${u.name}\` again (already in systemd[${first}])`,
        hint: 'List each unit once.',
        path: ['systemd', i],
      });
    } else seen.set(u.name, i);
  });
}

function checkAccounts(config: ProjectConfig, r: RuleResult): void {
  for (const [key, list] of [['users', config.users], ['groups', config.groups]] as const) {
    const seen = new Map<string, number>();
    list.forEach((a, i) => {
      const first = seen.get(a.name);
      if (first === undefined) return void seen.set(a.name, i);
      r.errors.push({
        code: `config/${key}-duplicate`,
        message: `${quotePath([key, i])} declares \`${a.name}\` again (already in ${key}[${first}])`,
        hint: 'Declare each account once.',
        path: [key, i],
      });
    });
  }
}

function checkArchEnv(raw: RawConfig, r: RuleResult): void {
  for (const name of Object.keys(raw.build?.arch_env ?? {})) {
    const path: Path = ['build', 'arch_env', name];
    let debian: string | undefined;
    try {
      debian = toDebianArch(name);
    } catch {
      debian = undefined;
    }
    if (debian === name) continue;
    r.warnings.push({
      code: 'config/arch-env-key',
      message: debian
        ? `${quotePath(path)}: \`${name}\` is not a Debian architecture name, so it never matches; did you mean \`${debian}\`?`
        : `${quotePath(path)}: \`${name}\` is not an architecture debship knows, so it never matches`,
      hint: 'Key arch_env by Debian architecture: amd64, arm64, armhf, i386, …',
      path,
      at: 'key',
    });
  }
}
