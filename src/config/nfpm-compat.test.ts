import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from './types.js';
import { load, warningsOf, yaml } from './test-helpers.js';

/** nfpm's commented reference configuration, with every deb-relevant key (and the others). */
const NFPM_REFERENCE = yaml`
  # yaml-language-server: $schema=https://nfpm.goreleaser.com/schema.json
  name: foo
  arch: amd64
  platform: linux
  version: 1.2.3
  version_schema: semver
  epoch: 2
  prerelease: beta1
  version_metadata: git
  release: 1
  section: default
  priority: extra
  maintainer: Carlos Alexandro Becker <root@carlosbecker.com>
  description: |-
    Sample package
    A longer description
    over two lines.
  vendor: GoReleaser
  homepage: https://nfpm.goreleaser.com
  license: MIT
  mtime: "2009-11-10T23:00:00Z"
  changelog: "changelog.yaml"
  disable_globbing: false
  replaces:
    - foobar
    - \${REPLACE_BLA}
  provides:
    - bar
    - \${PROVIDES_BLA}
  depends:
    - git
    - \${DEPENDS_NGINX}
  recommends:
    - golang
    - \${RECOMMENDS_BLA}
  suggests:
    - bzr
  conflicts:
    - mercurial
    - \${CONFLICTS_BLA}
  contents:
    - src: path/to/local/foo
      dst: /usr/bin/foo
    - src: some/directory/
      dst: /etc
    - src: some/directory/
      dst: /etc/ # notice the trailing slash
    - src: some/directory/
      dst: /etc
      type: tree
    - src: path/to/local/foo.conf
      dst: /etc/foo.conf
      type: config
    - src: path/to/local/*.1.gz
      dst: /usr/share/man/man1/
    - src: /actual/path/to/foo
      dst: /usr/bin/foo
      type: symlink
    - src: path/to/local/bar.conf
      dst: /etc/bar.conf
      type: config|noreplace
    - src: path/to/local/bar.conf
      dst: /etc/bar.conf
      type: config|missingok
    - dst: /etc/casper.conf
      type: ghost
    - src: path/to/rpm/file.conf
      dst: /etc/file.conf
      type: config|noreplace
      packager: rpm
    - src: path/to/deb/file.conf
      dst: /etc/file.conf
      type: config|noreplace
      packager: deb
    - src: path/to/apk/file.conf
      dst: /etc/file.conf
      type: config|noreplace
      packager: apk
    - src: path/to/foo
      dst: /usr/share/foo
      file_info:
        # Make sure that the mode is specified in octal, e.g. 0644 instead of 644.
        mode: 0644
        mtime: 2008-01-02T15:04:05Z
        owner: notRoot
        group: notRoot
    - dst: /some/dir
      type: dir
      file_info:
        mode: 0700
    - dst: /usr/local/bin/\${NAME}
      src: "\${NAME}"
      expand: true
  umask: 0o002
  scripts:
    preinstall: ./scripts/preinstall.sh
    postinstall: ./scripts/postinstall.sh
    preremove: ./scripts/preremove.sh
    postremove: ./scripts/postremove.sh
  overrides:
    deb:
      depends:
        - baz (>= 1.2.3-0)
        - some-lib-dev
    rpm:
      depends:
        - baz >= 1.2.3-0
        - some-lib-devel
    apk:
      # ...
    archlinux:
      depends:
        - baz
        - some-lib
  rpm:
    arch: ia64
    scripts:
      pretrans: ./scripts/pretrans.sh
      posttrans: ./scripts/posttrans.sh
      verify: ./scripts/verify.sh
    group: Unspecified
    summary: Explicit summary for the package
    packager: GoReleaser <staff@goreleaser.com>
    buildhost: buildserver1
    compression: zstd
    prefixes:
      - /usr/bin
    signature:
      key_file: key.gpg
      key_id: bc8acdd415bd80b3
  deb:
    arch_variant: amd64v3
    scripts:
      rules: foo.sh
      templates: templates
      config: config
    triggers:
      interest:
        - some-trigger-name
      interest_await: [a-await]
      interest_noawait: [a-noawait]
      activate:
        - another-trigger-name
      activate_await: [b-await]
      activate_noawait: [b-noawait]
    breaks:
      - some-package
    compression: zstd:19
    signature:
      method: dpkg-sig
      key_file: key.gpg
      type: origin
      key_id: bc8acdd415bd80b3
    fields:
      Bugs: https://github.com/goreleaser/nfpm/issues
      X-Empty: ""
      X-Commit: \${COMMIT}
    predepends:
      - baz (>= 1.2.3-0)
    lintian_overrides:
      - "foo: statically-linked-binary"
  apk:
    arch: armhf
    signature:
      key_file: key.gpg
      key_name: origin
      key_id: ignored
  archlinux:
    pkgbase: bar
    packager: GoReleaser <staff@goreleaser.com>
    scripts:
      preupgrade: ./scripts/preupgrade.sh
      postupgrade: ./scripts/postupgrade.sh
`;

const ENV = { NAME: 'foo-helper', COMMIT: 'abc123', PROVIDES_BLA: '  foo-provider  ' };

describe('an nfpm.yaml loads unchanged', () => {
  it('maps every deb key of nfpm\'s reference configuration', () => {
    const { config } = load(NFPM_REFERENCE, ENV);
    const expected: ProjectConfig = {
      file: '/project/debship.yaml',
      dir: '/project',
      name: 'foo',
      arch: 'amd64',
      platform: 'linux',
      version: '1.2.3',
      versionSchema: 'semver',
      epoch: '2',
      release: '1',
      prerelease: 'beta1',
      versionMetadata: 'git',
      section: 'default',
      priority: 'extra',
      maintainer: 'Carlos Alexandro Becker <root@carlosbecker.com>',
      description: 'Sample package\nA longer description\nover two lines.',
      vendor: 'GoReleaser',
      homepage: 'https://nfpm.goreleaser.com',
      license: 'MIT',
      changelog: 'changelog.yaml',
      // overrides.deb replaces depends; unset ${VAR} items are dropped, others trimmed.
      depends: ['baz (>= 1.2.3-0)', 'some-lib-dev'],
      recommends: ['golang'],
      suggests: ['bzr'],
      conflicts: ['mercurial'],
      replaces: ['foobar'],
      provides: ['bar', 'foo-provider'],
      predepends: ['baz (>= 1.2.3-0)'],
      breaks: ['some-package'],
      contents: [
        { src: 'path/to/local/foo', dst: '/usr/bin/foo', type: 'file' },
        { src: 'some/directory/', dst: '/etc', type: 'file' },
        { src: 'some/directory/', dst: '/etc/', type: 'file' },
        { src: 'some/directory/', dst: '/etc', type: 'tree' },
        { src: 'path/to/local/foo.conf', dst: '/etc/foo.conf', type: 'config' },
        { src: 'path/to/local/*.1.gz', dst: '/usr/share/man/man1/', type: 'file' },
        { src: '/actual/path/to/foo', dst: '/usr/bin/foo', type: 'symlink' },
        { src: 'path/to/local/bar.conf', dst: '/etc/bar.conf', type: 'config|noreplace' },
        { src: 'path/to/local/bar.conf', dst: '/etc/bar.conf', type: 'config' },
        { dst: '/etc/casper.conf', type: 'ghost' },
        { src: 'path/to/deb/file.conf', dst: '/etc/file.conf', type: 'config|noreplace', packager: 'deb' },
        { src: 'path/to/foo', dst: '/usr/share/foo', type: 'file', mode: 0o644, mtime: 1199286245, owner: 'notRoot', group: 'notRoot' },
        { dst: '/some/dir', type: 'dir', mode: 0o700 },
        { src: 'foo-helper', dst: '/usr/local/bin/foo-helper', type: 'file' },
      ],
      umask: 0o002,
      mtime: 1257894000,
      scripts: {
        preinstall: './scripts/preinstall.sh',
        postinstall: './scripts/postinstall.sh',
        preremove: './scripts/preremove.sh',
        postremove: './scripts/postremove.sh',
      },
      deb: {
        compression: { algo: 'zstd', level: 19 },
        fields: { Bugs: 'https://github.com/goreleaser/nfpm/issues', 'X-Commit': 'abc123' },
        triggers: {
          interest: ['some-trigger-name'],
          interestAwait: ['a-await'],
          interestNoawait: ['a-noawait'],
          activate: ['another-trigger-name'],
          activateAwait: ['b-await'],
          activateNoawait: ['b-noawait'],
        },
        lintianOverrides: ['foo: statically-linked-binary'],
        archVariant: 'amd64v3',
      },
      build: { env: {}, archEnv: {}, steps: [] },
      systemd: [],
      users: [],
      groups: [],
      target: ['bookworm'],
      lint: { enabled: true, failOn: ['error'], suppressTags: [] },
      gates: {},
    };
    expect(config).toEqual(expected);
  });

  it('warns about the keys that have no effect on a .deb, at their positions', () => {
    expect(warningsOf(NFPM_REFERENCE, ENV)).toEqual([
      '12:11 `priority: extra` is deprecated in Debian policy; it means the same as optional',
      '23:1 `disable_globbing` has no effect on a .deb: debship always expands globs in contents src',
      '105:3 `overrides.rpm` has no effect on a .deb: it only applies to rpm packages',
      '109:3 `overrides.apk` has no effect on a .deb: it only applies to apk packages',
      '111:3 `overrides.archlinux` has no effect on a .deb: it only applies to archlinux packages',
      '115:1 `rpm` has no effect on a .deb: it only applies to rpm packages',
      '133:3 `deb.scripts` has no effect on a .deb: nfpm\'s deb rules/templates/config scripts are not supported',
      '149:3 `deb.signature` has no effect on a .deb: signing the .deb itself has no effect for APT; sign the repository instead (debship repo)',
      '162:1 `apk` has no effect on a .deb: it only applies to apk packages',
      '168:1 `archlinux` has no effect on a .deb: it only applies to archlinux packages',
    ]);
  });

  it('reads plain scalars as nfpm does: text for strings, octal 0644, YAML 1.1 booleans', () => {
    const { config } = load(yaml`
      name: foo
      version: 1.10
      epoch: 1
      maintainer: M <m@example.com>
      description: d
      umask: 022
      contents:
        - src: a
          dst: /a
          file_info: { mode: 0o750 }
        - src: b
          dst: /b
          file_info: { mode: "0640" }
        - src: c
          dst: /c
          file_info: { mode: 493, mtime: 1700000000 }
      systemd:
        - src: a.service
          enable: no
          start: yes
          restart_on_upgrade: off
    `);
    expect(config.version).toBe('1.10');
    expect(config.epoch).toBe('1');
    expect(config.umask).toBe(0o22);
    expect(config.contents.map((c) => c.mode)).toEqual([0o750, 0o640, 0o755]);
    expect(config.contents[2]!.mtime).toBe(1700000000);
    expect(config.systemd[0]).toMatchObject({ enable: false, start: true, restartOnUpgrade: false });
  });

  it('takes deb.arch verbatim', () => {
    const { config } = load('name: foo\nversion: 1.0.0\narch: arm7\ndeb:\n  arch: armel\n');
    expect(config.arch).toBe('armel');
    expect(config.archVerbatim).toBe(true);
  });

  it('applies nfpm\'s defaults, and debship\'s lint-clean ones', () => {
    const { config } = load('name: foo\nversion: 1.0.0\n');
    expect(config).toMatchObject({
      arch: 'amd64',
      platform: 'linux',
      versionSchema: 'semver',
      section: 'misc',
      priority: 'optional',
      umask: 0o002,
      deb: { compression: { algo: 'xz' } },
      target: ['bookworm'],
    });
    expect(config.archVerbatim).toBeUndefined();
    expect(config.mtime).toBeUndefined();
  });

  it('supports anchors, aliases and << merge keys, as yaml.v3 does', () => {
    const { config } = load(yaml`
      name: foo
      version: 1.0.0
      depends: &deps [libc6, libssl3]
      recommends: *deps
      contents:
        - &etc
          src: a.conf
          dst: /etc/a.conf
          type: config
        - <<: *etc
          src: b.conf
          dst: /etc/b.conf
    `);
    expect(config.recommends).toEqual(['libc6', 'libssl3']);
    expect(config.contents[1]).toEqual({ src: 'b.conf', dst: '/etc/b.conf', type: 'config' });
  });
});
