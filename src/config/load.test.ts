import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DebshipError, DebshipErrors } from '../core/errors.js';
import { findConfigFile, loadConfig } from './load.js';
import { load, warningsOf, yaml } from './test-helpers.js';

describe('debship keys', () => {
  it('normalise build, systemd, users, groups and target with their defaults', () => {
    const { config } = load(yaml`
      name: hello-service
      version: 1.0.0
      arch: amd64,arm64
      maintainer: Hello Team <hello@example.com>
      description: A hello service
      build:
        env: { PYTHONDONTWRITEBYTECODE: 1, EMPTY: }
        arch_env:
          arm64: { CMAKE_ARGS: -DARM=1 }
        steps:
          - run: |
              make all
              make install
          - name: wheel
            run: pip wheel .
            cwd: python
            env: { CC: gcc }
      systemd:
        - hello.service
        - src: units/hello-worker.service.in
          name: hello-worker.service
          enable: false
          start: false
          restart_on_upgrade: false
      users:
        - hello
        - name: worker
          group: hello
          home: /var/lib/worker
          shell: /bin/sh
          gecos: Worker
          remove_on_purge: true
      groups: [hello, { name: extra, remove_on_purge: true }]
      target: [bookworm, noble]
    `);
    expect(config.build).toEqual({
      env: { PYTHONDONTWRITEBYTECODE: '1', EMPTY: '' },
      archEnv: { arm64: { CMAKE_ARGS: '-DARM=1' } },
      steps: [
        { name: 'make all', run: 'make all\nmake install\n', env: {} },
        { name: 'wheel', run: 'pip wheel .', env: { CC: 'gcc' }, cwd: 'python' },
      ],
    });
    expect(config.systemd).toEqual([
      { src: 'hello.service', name: 'hello.service', enable: true, start: true, restartOnUpgrade: true },
      { src: 'units/hello-worker.service.in', name: 'hello-worker.service', enable: false, start: false, restartOnUpgrade: false },
    ]);
    expect(config.users).toEqual([
      { name: 'hello', group: 'hello', home: '/nonexistent', shell: '/usr/sbin/nologin', gecos: '', removeOnPurge: false },
      { name: 'worker', group: 'hello', home: '/var/lib/worker', shell: '/bin/sh', gecos: 'Worker', removeOnPurge: true },
    ]);
    expect(config.groups).toEqual([
      { name: 'hello', removeOnPurge: false },
      { name: 'extra', removeOnPurge: true },
    ]);
    expect(config.target).toEqual(['bookworm', 'noble']);
    expect(config.arch).toBe('amd64,arm64');
  });

  it('accepts a single target suite', () => {
    expect(load('name: foo\nversion: 1.0.0\ntarget: bullseye\n').config.target).toEqual(['bullseye']);
  });

  it('warns about arch_env keys that are not Debian architecture names', () => {
    expect(warningsOf('name: foo\nversion: 1.0.0\nmaintainer: M <m@example.com>\ndescription: d\nbuild:\n  arch_env:\n    x86_64: {A: b}\n    amd64: {A: c}\n')).toEqual([
      '7:5 `build.arch_env.x86_64`: `x86_64` is not a Debian architecture name, so it never matches; did you mean `amd64`?',
    ]);
  });

  it('warns about a platform other than linux', () => {
    expect(warningsOf('name: foo\nversion: 1.0.0\nmaintainer: M <m@example.com>\ndescription: d\nplatform: darwin\n')).toEqual([
      '5:11 `platform` is `darwin`; Debian packages are for Linux, so it has no effect',
    ]);
  });

  it('warns when maintainer and description are missing', () => {
    expect(warningsOf('name: foo\nversion: 1.0.0\n')).toEqual([
      '1:1 `maintainer` is not set; Debian packages need a Maintainer field and a placeholder will be written',
      '1:1 `description` is not set; the package will have a generic one',
    ]);
  });
});

describe('overrides.deb', () => {
  it('replaces top-level keys, merges mappings key by key and ignores other packagers', () => {
    const { config } = load(yaml`
      name: foo
      version: 1.0.0
      depends: [generic-dep]
      recommends: [kept]
      contents:
        - {src: generic, dst: /usr/bin/generic}
      umask: 0o022
      scripts:
        preinstall: pre.sh
        postinstall: post.sh
      deb:
        compression: gzip
        breaks: [old]
        fields: { X-A: a, X-B: b }
        triggers: { interest: [i1], activate: [a1] }
      overrides:
        deb:
          depends: [deb-dep (>= 1)]
          contents:
            - {src: deb-only, dst: /usr/bin/deb-only}
          umask: 0
          scripts:
            postinstall: post-deb.sh
          deb:
            compression: zstd
            fields: { X-B: deb-b, X-C: c }
            triggers: { activate: [a2] }
          suggests: []
        rpm:
          depends: [rpm-dep]
    `);
    expect(config.depends).toEqual(['deb-dep (>= 1)']);
    expect(config.recommends).toEqual(['kept']);
    expect(config.suggests).toEqual([]);
    expect(config.contents).toEqual([{ src: 'deb-only', dst: '/usr/bin/deb-only', type: 'file' }]);
    expect(config.umask).toBe(0);
    expect(config.scripts).toEqual({ preinstall: 'pre.sh', postinstall: 'post-deb.sh' });
    expect(config.deb.compression).toEqual({ algo: 'zstd' });
    expect(config.breaks).toEqual(['old']);
    expect(config.deb.fields).toEqual({ 'X-A': 'a', 'X-B': 'deb-b', 'X-C': 'c' });
    expect(config.deb.triggers.interest).toEqual(['i1']);
    expect(config.deb.triggers.activate).toEqual(['a2']);
  });

  it('only accepts the keys nfpm lets overrides replace', () => {
    expect(() => load('name: foo\nversion: 1.0.0\noverrides:\n  deb:\n    name: bar\n')).toThrow(DebshipErrors);
  });
});

describe('findConfigFile and loadConfig on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'debship-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prefers debship.yaml, then debship.yml, nfpm.yaml, nfpm.yml', async () => {
    await writeFile(join(dir, 'nfpm.yml'), '');
    expect(findConfigFile(dir)).toBe(join(dir, 'nfpm.yml'));
    await writeFile(join(dir, 'nfpm.yaml'), '');
    expect(findConfigFile(dir)).toBe(join(dir, 'nfpm.yaml'));
    await writeFile(join(dir, 'debship.yml'), '');
    expect(findConfigFile(dir)).toBe(join(dir, 'debship.yml'));
    await writeFile(join(dir, 'debship.yaml'), '');
    expect(findConfigFile(dir)).toBe(join(dir, 'debship.yaml'));
  });

  it('says which names it looked for and how to pass --config', () => {
    let thrown: unknown;
    try {
      findConfigFile(dir);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DebshipError);
    expect((thrown as DebshipError).message).toBe(`no configuration file in ${dir}`);
    expect((thrown as DebshipError).hint).toBe(
      'Looked for debship.yaml, debship.yml, nfpm.yaml, nfpm.yml. Create one, or pass its path with --config <file>.',
    );
  });

  it('loads a file, with paths relative to its directory, and writes nothing', async () => {
    const file = join(dir, 'debship.yaml');
    await writeFile(file, 'name: foo\nversion: 1.0.0\n');
    const { config } = await loadConfig(file, { env: {} });
    expect(config.file).toBe(file);
    expect(config.dir).toBe(dir);
  });

  it('reports a missing file as a DebshipErrors', async () => {
    const file = join(dir, 'missing.yaml');
    await expect(loadConfig(file, { env: {} })).rejects.toThrow(DebshipErrors);
    await expect(loadConfig(file, { env: {} })).rejects.toMatchObject({ errors: [{ code: 'config/unreadable', file }] });
  });

  it('reads a file with a byte order mark', async () => {
    const file = join(dir, 'nfpm.yaml');
    await writeFile(file, '\uFEFFname: foo\nversion: 1.0.0\n');
    expect((await loadConfig(file, { env: {} })).config.name).toBe('foo');
  });
});
