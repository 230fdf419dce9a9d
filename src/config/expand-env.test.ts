import { describe, expect, it } from 'vitest';
import { osExpand } from './expand-env.js';
import { load, warningsOf, yaml } from './test-helpers.js';

describe('osExpand (Go os.Expand semantics)', () => {
  const env: Record<string, string> = { A: 'x', B_2: 'y', '1': 'one', '$': 'dollar' };
  const map = (name: string) => env[name] ?? '';
  it.each([
    ['plain text', 'plain text'],
    ['$A-${A}', 'x-x'],
    ['${B_2}z', 'yz'],
    ['$B_2z', ''],
    ['pre$', 'pre$'],
    ['$1', 'one'],
    ['$$', 'dollar'],
    ['${}', ''],
    ['${A', 'A'],
    ['a $ b', 'a $ b'],
    ['${not set}', ''],
    ['$-x', 'x'],
  ])('%s → %s', (input, output) => {
    expect(osExpand(input, map)).toBe(output);
  });
});

describe('${VAR} expansion in the config', () => {
  const env = { VERSION: '2.0.1', ARCH: 'arm64', DEP: 'libfoo (>= 1)', BIN: 'tool', MAINT: 'Ann <ann@example.com>', URL: 'https://example.com' };

  it('expands the fields nfpm expands', () => {
    const { config } = load(
      yaml`
        name: foo\${SUFFIX}
        version: \${VERSION}
        release: $RELEASE
        arch: \${ARCH}
        platform: linux
        maintainer: \${MAINT}
        homepage: \${URL}/foo
        vendor: $VENDOR
        description: built from \${URL}
        depends: [libc6, "  \${DEP}  ", "\${UNSET}"]
        recommends: ["$DEP"]
        contents:
          - src: build/\${BIN}
            dst: /usr/bin/\${BIN}
            expand: true
          - src: build/\${BIN}
            dst: /usr/lib/\${BIN}
        deb:
          fields:
            X-Url: \${URL}
          predepends: ["\${UNSET}", "\${DEP}"]
      `,
      env,
    );
    expect(config).toMatchObject({
      name: 'foo',
      version: '2.0.1',
      arch: 'arm64',
      maintainer: 'Ann <ann@example.com>',
      homepage: 'https://example.com/foo',
      description: 'built from https://example.com',
      depends: ['libc6', 'libfoo (>= 1)'],
      recommends: ['libfoo (>= 1)'],
      predepends: ['libfoo (>= 1)'],
      deb: { fields: { 'X-Url': 'https://example.com' } },
    });
    expect(config.release).toBeUndefined();
    expect(config.vendor).toBeUndefined();
    // Only entries with expand: true.
    expect(config.contents.map((c) => [c.src, c.dst])).toEqual([
      ['build/tool', '/usr/bin/tool'],
      ['build/${BIN}', '/usr/lib/${BIN}'],
    ]);
  });

  it('leaves the fields nfpm does not expand alone', () => {
    const { config } = load(
      yaml`
        name: foo
        version: 1.0.0
        license: \${LICENSE}
        section: \${SECTION}
        conflicts: [bar]
        build:
          env: { PATH: "\${PATH}:/opt/bin" }
          steps:
            - run: make VERSION=\${VERSION}
      `,
      { LICENSE: 'MIT', SECTION: 'net', PATH: '/usr/bin', VERSION: '1' },
    );
    expect(config.license).toBe('${LICENSE}');
    expect(config.section).toBe('${SECTION}');
    expect(config.build.env).toEqual({ PATH: '${PATH}:/opt/bin' });
    expect(config.build.steps[0]!.run).toBe('make VERSION=${VERSION}');
  });

  it('warns about unset variables in single values, not in lists where dropping is the idiom', () => {
    const text = yaml`
      name: foo
      version: 1.0.0\${SUFFIX}
      maintainer: M <m@example.com>
      description: d
      depends: ["\${OPTIONAL_DEP}"]
    `;
    expect(warningsOf(text)).toEqual(['2:10 `version` uses ${SUFFIX}, which is not set; it expands to an empty string']);
    expect(load(text).config.depends).toEqual([]);
  });

  it('keeps positions right when list items are dropped', () => {
    const text = yaml`
      name: foo
      version: 1.0.0
      depends:
        - \${UNSET}
        - [not, a, string]
    `;
    expect(() => load(text)).toThrow();
    try {
      load(text);
    } catch (e) {
      const [err] = (e as { errors: Array<{ line: number; column: number; message: string }> }).errors;
      expect(`${err!.line}:${err!.column} ${err!.message}`).toBe('5:5 `depends[0]` must be a string, not a list');
    }
  });

  it('expands in overrides.deb too', () => {
    const { config } = load(
      yaml`
        name: foo
        version: 1.0.0
        depends: [a]
        overrides:
          deb:
            depends: ["\${DEP}"]
            contents:
              - {src: "\${BIN}", dst: "/usr/bin/\${BIN}", expand: true}
            deb:
              fields: { X-Url: "\${URL}" }
      `,
      env,
    );
    expect(config.depends).toEqual(['libfoo (>= 1)']);
    expect(config.contents).toEqual([{ src: 'tool', dst: '/usr/bin/tool', type: 'file' }]);
    expect(config.deb.fields).toEqual({ 'X-Url': 'https://example.com' });
  });

  it('looks variables up as own properties of the environment only', () => {
    expect(load('name: foo${constructor}\nversion: 1.0.0${toString}\n').config).toMatchObject({ name: 'foo', version: '1.0.0' });
  });

  it('does not read YAML syntax out of expanded values', () => {
    const { config } = load('name: foo\nversion: ${V}\ndescription: ${D}\n', { V: '1.0.0', D: 'a: b\n- c' });
    expect(config.description).toBe('a: b\n- c');
  });
});
