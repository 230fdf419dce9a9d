import { describe, expect, it } from 'vitest';
import { DebshipError, DebshipErrors, ExitCode } from '../core/errors.js';
import { FILE, errorsOf, load, problems, yaml } from './test-helpers.js';

describe('YAML syntax errors', () => {
  it('reports a broken sequence item at its line and column', () => {
    expect(problems('name: foo\nversion: 1.0.0\ncontents:\n  - src: a\n   dst: /a\n')).toEqual([
      '5:1 YAML syntax error: Sequence item without - indicator',
    ]);
  });

  it('reports an unclosed quote, a duplicate key and an unclosed bracket', () => {
    expect(problems('name: "foo\nversion: 1.0.0\n')).toEqual(['3:1 YAML syntax error: Missing closing "quote']);
    expect(problems('name: foo\nname: bar\nversion: 1\n')).toEqual(['2:1 YAML syntax error: Map keys must be unique']);
    expect(problems('name: foo\nversion: 1.0.0\ndepends: [a, b\n')).toEqual([
      '4:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('says how to fix tabs', () => {
    const [e] = errorsOf('name: foo\nversion: 1\nbuild:\n\tenv: {}\n');
    expect(e).toMatchObject({ line: 4, column: 1, message: 'YAML syntax error: Tabs are not allowed as indentation' });
    expect(e!.hint).toBe('Indent with spaces; YAML does not allow tabs for indentation.');
  });

  it('rejects an empty file and a file that is not a mapping', () => {
    expect(problems('')).toEqual(['1:1 the configuration is empty']);
    expect(problems('# only a comment\n')).toEqual(['1:1 the configuration is empty']);
    expect(problems('- a\n- b\n')).toEqual(['1:1 the configuration must be a mapping of keys to values, not a list']);
  });

  it('rejects aliases that contain themselves', () => {
    expect(problems('name: foo\nversion: 1.0.0\ndepends: &a [x, *a]\n')).toContain(
      '3:17 alias `*a` refers to a value that contains it',
    );
  });
});

describe('unknown keys', () => {
  it('are reported at every depth, with the closest valid key', () => {
    const text = yaml`
      name: foo
      version: 1.0.0
      descripton: x
      contents:
        - src: a
          dst: /a
          file_inf: {mode: 0644}
        - src: b
          dst: /b
          file_info: {moed: 0644}
      deb:
        triggers:
          intrest: [x]
      build:
        steps:
          - comand: make
            run: make
      systemd:
        - src: a.service
          enabel: false
      overrides:
        deb:
          dependencies: [x]
        debian: {}
    `;
    expect(problems(text)).toEqual([
      '3:1 unknown key `descripton`; did you mean `description`?',
      '7:5 unknown key `contents[0].file_inf`; did you mean `file_info`?',
      '10:17 unknown key `contents[1].file_info.moed`; did you mean `mode`?',
      '13:5 unknown key `deb.triggers.intrest`; did you mean `interest`?',
      '16:7 unknown key `build.steps[0].comand`; did you mean `run`?',
      '20:5 unknown key `systemd[0].enabel`; did you mean `enable`?',
      '23:5 unknown key `overrides.deb.dependencies`; did you mean `depends`?',
      '24:3 unknown key `overrides.debian`; did you mean `deb`?',
    ]);
  });

  it('may be named like Object.prototype members', () => {
    expect(problems('name: foo\nversion: 1.0.0\nconstructor: 1\n__proto__: 2\ntoString: 3\n')).toEqual([
      '3:1 unknown key `constructor`',
      '4:1 unknown key `__proto__`',
      '5:1 unknown key `toString`',
    ]);
  });

  it('hint at the fix, or list the valid keys when nothing is close', () => {
    const [typo, far] = errorsOf('name: foo\nversion: 1.0.0\ndeb:\n  compresion: xz\n  zzz: 1\n');
    expect(typo!.hint).toBe('Rename it to `compression`.');
    expect(far!.message).toBe('unknown key `deb.zzz`');
    expect(far!.hint).toBe(
      'Remove it, or use one of the keys allowed in `deb`: arch, arch_variant, breaks, compression, fields, lintian_overrides, predepends, scripts, signature, triggers.',
    );
  });
});

describe('wrong types', () => {
  it('say what was expected and what was found', () => {
    const text = yaml`
      name: foo
      version: 1.0.0
      depends: git
      contents: {src: a}
      systemd:
        - src: a.service
          enable: maybe
      umask: [2]
      build:
        env: [A=1]
      target: {suite: bookworm}
    `;
    expect(problems(text)).toEqual([
      '3:10 `depends` must be a list, not `git`',
      '4:11 `contents` must be a list, not a mapping',
      '7:13 `systemd[0].enable` must be true or false, not `maybe`',
      '8:8 `umask` must be an octal mode such as 0644, not a list',
      '10:8 `build.env` must be a mapping of keys to values, not a list',
      '11:9 `target` must be a string or a list, not a mapping',
    ]);
  });

  it('treat quoted scalars as strings, as nfpm does', () => {
    expect(problems('name: foo\nversion: 1.0.0\nsystemd:\n  - {src: a.service, enable: "false"}\n')).toEqual([
      '4:30 `systemd[0].enable` must be true or false, not `false`',
    ]);
  });
});

describe('compression', () => {
  it('rejects levels out of range, unknown algorithms and levels on none', () => {
    expect(problems('name: foo\nversion: 1.0.0\ndeb:\n  compression: gzip:99\n')).toEqual([
      '4:16 `deb.compression`: `gzip:99` has a level out of range: gzip levels go from 0 to 9',
    ]);
    expect(problems('name: foo\nversion: 1.0.0\ndeb: {compression: lz4}\n')).toEqual([
      '3:20 `deb.compression`: `lz4` is not a supported compression (gzip, xz, zstd or none)',
    ]);
    expect(problems('name: foo\nversion: 1.0.0\ndeb: {compression: "none:3"}\n')).toEqual([
      '3:20 `deb.compression`: `none:3` has a level, but none takes none',
    ]);
  });

  it('accepts nfpm\'s forms', () => {
    const algo = (c: string) => load(`name: foo\nversion: 1.0.0\ndeb: {compression: "${c}"}\n`).config.deb.compression;
    expect(algo('gzip')).toEqual({ algo: 'gzip' });
    expect(algo('gzip:9')).toEqual({ algo: 'gzip', level: 9 });
    expect(algo('gzip:-1')).toEqual({ algo: 'gzip' });
    expect(algo('xz:0')).toEqual({ algo: 'xz', level: 0 });
    expect(algo('zstd:22')).toEqual({ algo: 'zstd', level: 22 });
    expect(algo('none')).toEqual({ algo: 'none' });
  });
});

describe('modes and times', () => {
  it('reject ambiguous, out-of-range and non-octal modes, and bad timestamps', () => {
    const text = yaml`
      name: foo
      version: 1.0.0
      umask: 22
      contents:
        - {src: a, dst: /a, file_info: {mode: 755}}
        - {src: a, dst: /b, file_info: {mode: 0o17777}}
        - {src: a, dst: /c, file_info: {mode: rwx}}
        - {src: a, dst: /d, file_info: {mode: 0888}}
        - {src: a, dst: /e, file_info: {mode: [1]}}
        - {src: a, dst: /f, file_info: {mtime: yesterday}}
        - {src: a, dst: /g, file_info: {mtime: 2024-02-30T00:00:00Z}}
    `;
    expect(problems(text)).toEqual([
      '3:8 `umask` is 22, which YAML reads as a decimal number (0o26), not as octal 22',
      '5:41 `contents[0].file_info.mode` is 755, which YAML reads as a decimal number (0o1363), not as octal 755',
      '6:41 `contents[1].file_info.mode` must be at most 0o7777, not 0o17777',
      '7:41 `contents[2].file_info.mode`: `rwx` is not an octal mode',
      '8:41 `contents[3].file_info.mode`: `0888` is not an octal mode',
      '9:41 `contents[4].file_info.mode` must be an octal mode such as 0644, not a list',
      '10:42 `contents[5].file_info.mtime`: `yesterday` is not an RFC 3339 timestamp',
      '11:42 `contents[6].file_info.mtime`: `2024-02-30T00:00:00Z` is not an RFC 3339 timestamp',
    ]);
    const [ambiguous] = errorsOf('name: foo\nversion: 1\ncontents:\n  - {src: a, dst: /a, file_info: {mode: 644}}\n');
    expect(ambiguous!.hint).toBe('Write 0644 or 0o644 for octal (as nfpm reads 0644), or quote it: "644".');
  });
});

describe('required keys', () => {
  it('name and version each have a clear message', () => {
    const errors = errorsOf('# a config without its identity\narch: amd64\n');
    expect(errors.map((e) => [e.location, e.message, e.hint])).toEqual([
      [`${FILE}:2:1`, '`name` is required: the Debian package name', 'Add `name: my-package` at the top level.'],
      [`${FILE}:2:1`, '`version` is required: the package version', 'Add `version: 1.2.3`, or `version: ${VERSION}` to take it from the environment.'],
    ]);
  });

  it('say when a key has no value, or a variable it uses is not set', () => {
    expect(problems('name:\nversion: ${VERSION}\n')).toEqual(['1:1 `name` has no value', '2:10 `version` is empty (${VERSION} is not set)']);
  });

  it('check the package name', () => {
    expect(problems('name: Hello_World\nversion: 1.0.0\n')).toEqual(['1:7 `name`: `Hello_World` is not a valid Debian package name']);
  });
});

describe('rules across fields', () => {
  it('report versions, architectures, contents, fields, units and accounts', () => {
    const text = yaml`
      name: foo
      version: 1.0 beta
      arch: sparc
      contents:
        - dst: /usr/bin/foo
        - dst: /l
          type: symlink
      deb:
        fields:
          Version: "2"
          X-Ok: y
      systemd: [hello.conf, {src: a.service}, {src: b, name: a.service}]
      users: [svc, {name: svc}]
      groups: [g, g]
    `;
    expect(problems(text)).toEqual([
      '2:10 `version`: "1.0 beta" gives Debian version "1.0 beta", which is invalid: whitespace at position 4 is not allowed',
      '3:7 `arch`: unknown architecture "sparc"',
      '5:5 `contents[0]` needs `src`: the file to install at /usr/bin/foo',
      '6:5 `contents[1]` needs `src`: the path the link points to',
      '10:5 `deb.fields.Version` duplicates the Version field debship writes',
      '12:11 `systemd[0]`: `hello.conf` is not a systemd unit file name',
      '12:41 `systemd[2]` installs `a.service` again (already in systemd[1])',
      '13:14 `users[1]` declares `svc` again (already in users[0])',
      '14:13 `groups[1]` declares `g` again (already in groups[0])',
    ]);
  });

  it('point into overrides.deb when the value came from there', () => {
    const text = yaml`
      name: foo
      version: 1.0.0
      contents:
        - {src: a, dst: /a}
      overrides:
        deb:
          contents:
            - dst: /b
    `;
    expect(problems(text)).toEqual(['8:9 `overrides.deb.contents[0]` needs `src`: the file to install at /b']);
  });
});

describe('several problems at once', () => {
  it('are all reported, sorted by position, in one DebshipErrors', () => {
    const text = yaml`
      name: Foo
      versoin: 1.0.0
      deb:
        compression: lz4
      contents:
        - src: a
          dst: /a
          type: conffig
    `;
    let thrown: unknown;
    try {
      load(text);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DebshipErrors);
    const all = thrown as DebshipErrors;
    expect(all.message).toBe(`${FILE}: 5 problems in the configuration`);
    expect(all.exitCode).toBe(ExitCode.usage);
    expect(all.errors.every((e) => e instanceof DebshipError && e.file === FILE)).toBe(true);
    expect(all.errors.map((e) => `${e.location} [${e.code}] ${e.message}`)).toEqual([
      `${FILE}:1:1 [config/missing-key] \`version\` is required: the package version`,
      `${FILE}:1:7 [config/invalid-value] \`name\`: \`Foo\` is not a valid Debian package name`,
      `${FILE}:2:1 [config/unknown-key] unknown key \`versoin\`; did you mean \`version\`?`,
      `${FILE}:4:16 [config/invalid-value] \`deb.compression\`: \`lz4\` is not a supported compression (gzip, xz, zstd or none)`,
      `${FILE}:8:11 [config/invalid-value] \`contents[0].type\`: \`conffig\` is not one of the allowed values; did you mean \`config\`?`,
    ]);
    expect(all.errors.every((e) => e.hint && e.hint.length > 0)).toBe(true);
  });
});
