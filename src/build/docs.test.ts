import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { changelogFileName, formatChangelog, gzipChangelog, rfc2822 } from './changelog.js';
import { generateCopyright } from './copyright.js';
import { buildControlFields, formatDescription } from './control-fields.js';
import { loadConfigText } from '../config/load.js';
import { checkCompressionForTargets } from './targets.js';
import { resolveSourceDateEpoch } from './source-date.js';
import { tmpdir } from 'node:os';

describe('changelog', () => {
  it('names the file by nativeness, as lintian expects', () => {
    expect(changelogFileName('1.2.3')).toBe('changelog.gz');
    expect(changelogFileName('1:1.2.3-1')).toBe('changelog.Debian.gz');
  });

  it('formats entries in debian/changelog syntax with RFC 2822 dates', () => {
    const text = formatChangelog('hello', [
      { version: '1.0.0', date: 0, packager: 'A <a@example.org>', urgency: 'medium', distribution: 'unstable', changes: [] },
    ]);
    expect(text).toBe('hello (1.0.0) unstable; urgency=medium\n\n  * Release 1.0.0.\n\n -- A <a@example.org>  Thu, 01 Jan 1970 00:00:00 +0000\n');
    expect(rfc2822(1_700_000_000)).toBe('Tue, 14 Nov 2023 22:13:20 +0000');
  });

  it('gzips with maximum compression and no timestamp', () => {
    const gz = gzipChangelog('x');
    expect(gz.readUInt32LE(4)).toBe(0); // MTIME
    expect(gz[8]).toBe(2); // XFL: maximum compression
    expect(gunzipSync(gz).toString()).toBe('x');
  });
});

describe('copyright', () => {
  it('references common licenses and embeds MIT', () => {
    const apache = generateCopyright({ name: 'x', license: 'Apache-2.0', vendor: 'ACME', year: 2024 });
    expect(apache).toContain('Copyright: 2024 ACME');
    expect(apache).toContain('/usr/share/common-licenses/Apache-2.0');
    const mit = generateCopyright({ name: 'x', license: 'MIT', maintainer: 'A <a@b.c>', year: 2024 });
    expect(mit).toContain('Permission is hereby granted');
    expect(mit).not.toMatch(/\n\n[^\n]*\n\n[^\n]*Permission/); // paragraphs stay inside the stanza
    expect(mit.split('\n\n')).toHaveLength(3);
  });
});

describe('control fields', () => {
  it('writes fields in dpkg-gencontrol order with script dependencies merged', () => {
    const { config } = loadConfigText(
      'name: xx\nversion: 1.0.0\nmaintainer: A <a@b.c>\ndescription: synopsis\nhomepage: https://e.org\ndepends: [libc6, passwd]\nrecommends: [curl]\ndeb: { arch_variant: amd64v3, fields: { Bugs: "mailto:a@b.c" } }\n',
      '/tmp/debship.yaml',
      { env: {} },
    );
    expect(buildControlFields({ config, version: '1.0.0', arch: 'amd64', extraDepends: ['passwd', 'adduser'] })).toEqual([
      ['Package', 'xx'], ['Version', '1.0.0'], ['Architecture', 'amd64'], ['Architecture-Variant', 'amd64v3'],
      ['Maintainer', 'A <a@b.c>'], ['Depends', 'libc6, passwd, adduser'], ['Recommends', 'curl'],
      ['Section', 'misc'], ['Priority', 'optional'], ['Homepage', 'https://e.org'], ['Bugs', 'mailto:a@b.c'], ['Description', 'synopsis'],
    ]);
  });

  it('splits nfpm descriptions into synopsis and extended lines', () => {
    expect(formatDescription('Synopsis here\nline one\n\nline two\n')).toBe('Synopsis here\nline one\n\nline two');
    expect(formatDescription('  only synopsis  ')).toBe('only synopsis');
  });
});

describe('targets', () => {
  it('refuses zstd for suites whose dpkg cannot read it', () => {
    expect(() => checkCompressionForTargets({ algo: 'zstd' }, ['bullseye'], 'debship.yaml')).toThrow(/cannot read zstd/);
    expect(() => checkCompressionForTargets({ algo: 'zstd' }, ['focal'], 'debship.yaml')).toThrow(/focal/);
    expect(() => checkCompressionForTargets({ algo: 'zstd' }, ['bookworm', 'jammy'], 'debship.yaml')).not.toThrow();
    expect(() => checkCompressionForTargets({ algo: 'xz' }, ['bullseye'], 'debship.yaml')).not.toThrow();
    expect(() => checkCompressionForTargets({ algo: 'xz' }, ['bookwrom'], 'debship.yaml')).toThrow(/not a Debian or Ubuntu suite/);
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('uses the variable, rejects malformed values, falls back to the config mtime', async () => {
    expect(await resolveSourceDateEpoch({ SOURCE_DATE_EPOCH: '1234' }, undefined, tmpdir())).toBe(1234);
    await expect(resolveSourceDateEpoch({ SOURCE_DATE_EPOCH: 'yesterday' }, undefined, tmpdir())).rejects.toMatchObject({ code: 'bad-source-date-epoch' });
    expect(await resolveSourceDateEpoch({}, 99, tmpdir())).toBe(99);
  });
});

describe('changelog packager', () => {
  it('completes a bare address or name into Name <address>', async () => {
    const { changelogPackager } = await import('./generated-files.js');
    expect(changelogPackager({ name: 'app', maintainer: 'Ann Example <ann@example.org>' })).toBe('Ann Example <ann@example.org>');
    expect(changelogPackager({ name: 'app', maintainer: 'ann@example.org' })).toBe('app maintainers <ann@example.org>');
    expect(changelogPackager({ name: 'app', maintainer: 'Ann Example' })).toBe('Ann Example <root@localhost>');
    expect(changelogPackager({ name: 'app', maintainer: undefined })).toBe('app maintainers <root@localhost>');
  });
});
