/**
 * The configuration format (debship.yaml, or an unchanged nfpm.yaml) as one zod schema: the loader
 * validates against it and schema/debship.schema.json is generated from it, so the two cannot drift.
 *
 * The schema describes the file as written: snake_case keys, shorthands (`systemd: [unit.service]`),
 * nfpm's spellings. Defaults are documented here and applied by normalise.ts.
 */
import { z } from 'zod';
import { fieldInfo } from './field-info.js';
import { gatesSchema } from './gates-schema.js';
import { compressionProblem, parseOctalString, parseTimestamp } from './scalars.js';

export { fieldInfo, type FieldInfo } from './field-info.js';

/**
 * A refinement whose failure carries a hint (zod passes `params` through to the issue). The message
 * reads after the value: "`name`: `Hello` is not a valid Debian package name".
 */
function rule<T extends z.ZodType>(
  schema: T,
  ok: (v: z.output<T>) => boolean,
  message: string | ((input: unknown) => string),
  hint: string,
): T {
  const error = typeof message === 'string' ? message : (iss: { input?: unknown }) => message(iss.input);
  return schema.refine(ok, { error, params: { hint } }) as unknown as T;
}

const stringList = (description: string) => z.array(z.string()).describe(description);

function ignored<T extends z.ZodType>(schema: T, why: string): T {
  fieldInfo.add(schema, { ignored: why });
  return schema;
}

const anything = () => z.record(z.string(), z.unknown());

// ---------------------------------------------------------------------------------------------
// Shared pieces

const octalMode = (max: number, description: string) =>
  z
    .union([
      z.int().min(0).max(max, { error: `must be at most 0o${max.toString(8)}` }),
      rule(
        z.string(),
        (s) => (parseOctalString(s) ?? Infinity) <= max,
        'is not an octal mode',
        'Write the mode in octal, for example 0644, 0o644 or "0755".',
      ),
    ])
    .register(fieldInfo, { expected: 'an octal mode such as 0644', octal: true })
    .describe(description);

const timestamp = (description: string) =>
  z
    .union([
      z.int().min(0),
      rule(
        z.string(),
        (s) => parseTimestamp(s) !== undefined && parseTimestamp(s)! >= 0,
        'is not an RFC 3339 timestamp',
        'Write a timestamp such as 2024-01-02T15:04:05Z, or seconds since the epoch.',
      ),
    ])
    .register(fieldInfo, { expected: 'an RFC 3339 timestamp such as 2024-01-02T15:04:05Z' })
    .describe(description);

const envName = rule(
  z.string(),
  (s) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s),
  'is not a valid environment variable name',
  'Use letters, digits and underscores, not starting with a digit.',
);
const envMap = (description: string) => z.record(envName, z.string()).describe(description);

export const CONTENT_TYPES = [
  '',
  'file',
  'dir',
  'tree',
  'symlink',
  'config',
  'config|noreplace',
  'config|missingok',
  'ghost',
  'doc',
  'license',
  'licence',
  'readme',
] as const;

// ---------------------------------------------------------------------------------------------
// nfpm keys

const fileInfo = z
  .strictObject({
    mode: octalMode(0o7777, 'Permission bits, in octal (0644, 0o755). Default: the source file\'s mode with `umask` applied.').optional(),
    owner: z.string().describe('Owner user name. Default: root.').optional(),
    group: z.string().describe('Owner group name. Default: root.').optional(),
    mtime: timestamp('Modification time of this entry (RFC 3339). Default: `mtime`, clamped to SOURCE_DATE_EPOCH.').optional(),
  })
  .describe('Ownership, permissions and time of the installed entry.');

const content = z
  .strictObject({
    src: z
      .string()
      .describe(
        'Source path or glob, relative to the config file\'s directory. For `symlink`: the link target. Not needed for `dir` and `ghost`.',
      )
      .optional(),
    dst: rule(z.string(), (s) => s.trim() !== '', 'is empty', 'Give the absolute path inside the package, e.g. /usr/bin/foo.')
      .describe('Destination inside the package (absolute; a trailing `/` means "into this directory").'),
    type: z
      .enum(CONTENT_TYPES)
      .describe(
        'Entry kind: "" or file (default), dir, tree (copy a directory recursively), symlink, config (a dpkg conffile), config|noreplace (same as config for .deb), ghost (ignored for .deb), doc, license, readme (regular files).',
      )
      .optional(),
    packager: z.string().describe('Only include this entry for this packager (nfpm). Entries for other packagers are skipped.').optional(),
    file_info: fileInfo.optional(),
    expand: z.boolean().describe('Expand ${VAR} and $VAR from the environment in src and dst (nfpm). Default: false.').optional(),
  })
  .describe('A file, directory, tree or symlink to install.')
  .meta({ id: 'content' });

const contents = z.array(content).describe('Files to put in the package.');

const scripts = z
  .strictObject({
    preinstall: z.string().describe('Script run before unpacking (preinst), relative to the config file.').optional(),
    postinstall: z.string().describe('Script run after unpacking (postinst).').optional(),
    preremove: z.string().describe('Script run before removal (prerm).').optional(),
    postremove: z.string().describe('Script run after removal (postrm).').optional(),
  })
  .describe('Maintainer scripts; debship adds its own snippets (systemd, users) around them.');

const triggers = z
  .strictObject({
    interest: stringList('Triggers this package is interested in (deb-triggers `interest`).').optional(),
    interest_await: stringList('`interest-await` triggers.').optional(),
    interest_noawait: stringList('`interest-noawait` triggers.').optional(),
    activate: stringList('Triggers this package activates (`activate`).').optional(),
    activate_await: stringList('`activate-await` triggers.').optional(),
    activate_noawait: stringList('`activate-noawait` triggers.').optional(),
  })
  .describe('dpkg triggers (deb-triggers(5)).');

const compression = rule(
  z.string(),
  (s) => compressionProblem(s) === undefined,
  (input) => compressionProblem(String(input)) ?? 'is not a valid compression',
  'Use gzip, xz, zstd or none, optionally with a level: gzip:9 (0-9), xz:6 (0-9), zstd:19 (1-22).',
)
  .meta({ default: 'xz' })
  .describe('Compression of data.tar: gzip, xz, zstd or none, optionally `algo:level` (gzip:9). Default: xz.');

const fieldName = rule(
  z.string(),
  (s) => /^[!-9;-~][!-9;-~]*$/.test(s) && !s.startsWith('#') && !s.startsWith('-'),
  'is not a valid control field name',
  'Control field names are printable ASCII without spaces or colons, e.g. X-Source-Commit.',
);

const deb = z
  .strictObject({
    arch: z.string().describe('Debian architecture written into the package as is, instead of translating `arch`.').optional(),
    arch_variant: z.string().describe('Architecture variant (e.g. amd64v3), written as the Architecture-Variant field.').optional(),
    compression: compression.optional(),
    predepends: stringList('Pre-Depends: packages fully configured before this one is unpacked.').optional(),
    breaks: stringList('Breaks: packages this one breaks.').optional(),
    fields: z.record(fieldName, z.string()).describe('Extra control fields, written as given. Empty values are skipped.').optional(),
    triggers: triggers.optional(),
    lintian_overrides: stringList('Lines of the lintian overrides file shipped with the package.').optional(),
    signature: ignored(anything(), 'signing the .deb itself has no effect for APT; sign the repository instead (debship repo)').describe(
      'nfpm package signature: accepted, but has no effect (APT verifies repositories, not .deb files).',
    ).optional(),
    scripts: ignored(anything(), 'nfpm\'s deb rules/templates/config scripts are not supported').describe(
      'nfpm deb scripts (rules, templates, config): accepted, but have no effect.',
    ).optional(),
  })
  .describe('Settings that only apply to .deb packages.');

const otherPackager = (name: string) =>
  ignored(anything(), `it only applies to ${name} packages`)
    .describe(`nfpm ${name} settings: accepted for compatibility, no effect on a .deb.`)
    .optional();

/** The keys nfpm lets `overrides.<packager>` replace. */
const overridableShape = {
  depends: stringList('Depends: packages needed to run this one. ${VAR} is expanded, empty entries dropped.').optional(),
  recommends: stringList('Recommends.').optional(),
  suggests: stringList('Suggests.').optional(),
  conflicts: stringList('Conflicts.').optional(),
  replaces: stringList('Replaces.').optional(),
  provides: stringList('Provides.').optional(),
  contents: contents.optional(),
  umask: octalMode(0o777, 'Umask applied to source-file modes when no mode is given. Default: 0o002.')
    .meta({ default: '0o002' })
    .optional(),
  scripts: scripts.optional(),
  deb: deb.optional(),
  rpm: otherPackager('rpm'),
  apk: otherPackager('apk'),
  archlinux: otherPackager('archlinux'),
  ipk: otherPackager('ipk'),
};

const overrides = z
  .strictObject({
    deb: z
      .strictObject(overridableShape)
      .describe('Keys that replace the top-level ones when building a .deb (merged as nfpm does).')
      .optional(),
    rpm: otherPackager('rpm'),
    apk: otherPackager('apk'),
    archlinux: otherPackager('archlinux'),
    ipk: otherPackager('ipk'),
    'termux.deb': otherPackager('termux.deb'),
  })
  .describe('Per-packager replacements of top-level keys; only `deb` applies here.');

// ---------------------------------------------------------------------------------------------
// debship keys

const buildStep = z
  .strictObject({
    name: z.string().describe('Shown in progress and errors. Default: the first line of `run`.').optional(),
    run: rule(z.string(), (s) => s.trim() !== '', 'is empty', 'Give the shell command to run.').describe(
      'Shell command line, run with `sh -c` in `cwd`.',
    ),
    env: envMap('Environment for this step, on top of build.env and build.arch_env.').optional(),
    cwd: z.string().describe('Working directory, relative to the config file. Default: the config file\'s directory.').optional(),
  })
  .describe('One build command.');

const build = z
  .strictObject({
    env: envMap('Environment for every step and architecture.').optional(),
    arch_env: z
      .record(z.string(), envMap('Variables for this architecture.'))
      .describe('Extra environment per Debian architecture, e.g. arm64: {CMAKE_ARGS: ...}.')
      .optional(),
    steps: z.array(buildStep).describe('Commands that produce the files listed in contents, run before packaging.').optional(),
  })
  .describe('How to build what gets packaged (debship).');

const unitName = rule(
  z.string(),
  (s) => /^[A-Za-z0-9:_.\\@-]+\.(service|socket|timer|path|target|mount|automount|swap|slice)$/.test(s),
  'is not a systemd unit name',
  'Unit names end in .service, .socket, .timer, .path, .target, .mount, .automount, .swap or .slice.',
);

const systemdUnit = z.union([
  z.string().describe('Unit file, relative to the config file (shorthand for {src: ...}).'),
  z.strictObject({
    src: z.string().describe('Unit file, relative to the config file.'),
    name: unitName.describe('Installed unit name. Default: the file name of src.').optional(),
    enable: z.boolean().describe('Enable the unit on install. Default: true.').meta({ default: true }).optional(),
    start: z.boolean().describe('Start the unit on install. Default: true.').meta({ default: true }).optional(),
    restart_on_upgrade: z
      .boolean()
      .describe('Restart on upgrade instead of stopping before and starting after. Default: true.')
      .meta({ default: true })
      .optional(),
  }),
]);

const accountName = (what: string) =>
  rule(
    z.string(),
    (s) => /^[a-z_][a-z0-9_-]*\$?$/.test(s) && s.length <= 32,
    `is not a valid ${what} name`,
    'System account names use lowercase letters, digits, _ and -, start with a letter or _, at most 32 characters.',
  );

const systemUser = z.union([
  accountName('user').describe('User name (shorthand for {name: ...}).'),
  z.strictObject({
    name: accountName('user').describe('User name.'),
    group: accountName('group').describe('Primary group. Default: a group named like the user.').optional(),
    home: z.string().describe('Home directory. Default: /nonexistent.').meta({ default: '/nonexistent' }).optional(),
    shell: z.string().describe('Login shell. Default: /usr/sbin/nologin.').meta({ default: '/usr/sbin/nologin' }).optional(),
    gecos: z.string().describe('Full name / comment field.').optional(),
    remove_on_purge: z.boolean().describe('Delete the user when the package is purged. Default: false.').optional(),
  }),
]);

const systemGroup = z.union([
  accountName('group').describe('Group name (shorthand for {name: ...}).'),
  z.strictObject({
    name: accountName('group').describe('Group name.'),
    remove_on_purge: z.boolean().describe('Delete the group when the package is purged. Default: false.').optional(),
  }),
]);

const lint = z
  .strictObject({
    enabled: z.boolean().describe('Lint every package `debship build` writes (as `debship lint` does). Default: true.').meta({ default: true }).optional(),
    fail_on: z
      .array(z.enum(['error', 'warning', 'info', 'pedantic']))
      .describe('Severities that fail the build (the .deb stays for inspection). Default: [error]; [] only reports.')
      .meta({ default: ['error'] })
      .optional(),
    suppress_tags: stringList(
      'lintian tags not to check, e.g. [no-manual-page]. Prefer deb.lintian_overrides, which ships the reason with the package.',
    ).optional(),
  })
  .describe('Checking built packages with lintian\'s tags (debship).');

// ---------------------------------------------------------------------------------------------
// The whole file

const required = (message: string, hint: string) => ({ required: { message, hint } });

export const configSchema = z
  .strictObject({
    name: rule(
      z.string(),
      (s) => /^[a-z0-9][a-z0-9+.-]+$/.test(s),
      'is not a valid Debian package name',
      'Use lowercase letters, digits, +, - and ., at least two characters, starting with a letter or digit.',
    )
      .register(fieldInfo, required('is required: the Debian package name', 'Add `name: my-package` at the top level.'))
      .describe('Package name (required). ${VAR} is expanded.'),
    arch: z.string().describe('Architecture: Debian (amd64, arm64, all) or Go (386, arm7) names. ${VAR} is expanded. Default: amd64.').meta({ default: 'amd64' }).optional(),
    platform: z.string().describe('Platform (nfpm). ${VAR} is expanded. Default: linux.').meta({ default: 'linux' }).optional(),
    version: rule(z.string(), (s) => s.trim() !== '', 'is empty', 'Give the upstream version, e.g. 1.2.3, or ${VERSION}.')
      .register(
        fieldInfo,
        required(
          'is required: the package version',
          'Add `version: 1.2.3`, or `version: ${VERSION}` to take it from the environment.',
        ),
      )
      .describe('Upstream version (required), e.g. 1.2.3 or ${VERSION}.'),
    version_schema: z
      .enum(['semver', 'none'])
      .describe('semver: parse the version leniently (a leading v is dropped, prerelease and metadata are split off); none: use it as is. Default: semver.')
      .meta({ default: 'semver' })
      .optional(),
    epoch: rule(z.string(), (s) => /^\d+$/.test(s), 'is not a number', 'The epoch is a small unsigned integer, e.g. 1.')
      .describe('Version epoch.')
      .optional(),
    release: z.string().describe('Debian revision appended to the version (1 → 1.2.3-1). ${VAR} is expanded.').optional(),
    prerelease: z.string().describe('Prerelease part (1.2.3~beta1). ${VAR} is expanded. Default: taken from a semver version.').optional(),
    version_metadata: z.string().describe('Version metadata (1.2.3+git). Default: taken from a semver version.').optional(),
    section: z.string().describe('Archive section. Default: misc.').meta({ default: 'misc' }).optional(),
    priority: z.string().describe('Priority. Default: optional.').meta({ default: 'optional' }).optional(),
    maintainer: z.string().describe('Maintainer, "Name <email>" (recommended). ${VAR} is expanded.').optional(),
    description: z.string().describe('Synopsis on the first line, long description on the following lines. ${VAR} is expanded.').optional(),
    vendor: z.string().describe('Vendor. ${VAR} is expanded.').optional(),
    homepage: z.string().describe('Homepage URL. ${VAR} is expanded.').optional(),
    license: z.string().describe('License name (SPDX).').optional(),
    changelog: z.string().describe('Changelog in chglog YAML format, relative to the config file (nfpm).').optional(),
    disable_globbing: ignored(z.boolean(), 'debship always expands globs in contents src')
      .describe('nfpm: treat contents src literally. Accepted, but has no effect.')
      .optional(),
    mtime: timestamp('Modification time of entries without file_info.mtime (RFC 3339). Default: SOURCE_DATE_EPOCH.').optional(),
    ...overridableShape,
    overrides: overrides.optional(),
    build: build.optional(),
    systemd: z.array(systemdUnit).describe('systemd units to install, enable and start (debship).').optional(),
    users: z.array(systemUser).describe('System users created on install (debship).').optional(),
    groups: z.array(systemGroup).describe('System groups created on install (debship).').optional(),
    lint: lint.optional(),
    gates: gatesSchema.optional(),
    target: z
      .union([z.string(), z.array(z.string())])
      .describe('Debian/Ubuntu suites the package must install on, e.g. bookworm or [bookworm, noble]. Default: bookworm.')
      .meta({ default: 'bookworm' })
      .optional(),
  })
  .meta({
    title: 'debship configuration',
    description: 'debship.yaml: nfpm\'s configuration format plus build, systemd, users, groups and target.',
  });

export type RawConfig = z.output<typeof configSchema>;
export type RawContent = z.output<typeof content>;
export type RawOverridable = NonNullable<NonNullable<RawConfig['overrides']>['deb']>;
