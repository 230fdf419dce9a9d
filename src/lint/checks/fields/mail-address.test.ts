import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { isDomain, mailAddressCheck } from './mail-address.js';

const check = (maintainer: string, extra: Record<string, string> = {}) => runCheck(mailAddressCheck, fakePackage({ fields: { Maintainer: maintainer, ...extra } }));

describe('fields/mail-address', () => {
  it.each([
    ['Jane Doe <jane@example.org>', []],
    ['jane@example.org', ['no-phrase Maintainer jane@example.org']],
    ['Jane Doe', ['malformed-contact Maintainer Jane']],
    ['Jane Doe <jane@example.org', ['malformed-contact Maintainer Jane Doe <jane@example.org']],
    ['Jane <jane@localhost>', ['bogus-mail-host Maintainer jane@localhost']],
    ['Jane <jane@example.invalidtld>', ['bogus-mail-host Maintainer jane@example.invalidtld']],
    ['root <root@example.org>', ['root-in-contact Maintainer root <root@example.org>']],
    ['A <a@example.org>, B <b@example.org>', ['too-many-contacts Maintainer A <a@example.org>, B <b@example.org>']],
    ['Someone <packages@qa.debian.org>', ['faulty-debian-qa-group-phrase Maintainer Someone -> Debian QA Group']],
    ['Debian QA <qa@example.org>', ['faulty-debian-qa-group-address Maintainer qa@example.org -> packages@qa.debian.org']],
    ['x <ubuntu-devel-discuss@lists.ubuntu.com>', ['mail-address-loops-or-bounces Maintainer ubuntu-devel-discuss@lists.ubuntu.com']],
    ['"Doe, Jane" <jane@example.org>', []],
  ])('%s', async (maintainer, tags) => {
    expect(await check(maintainer)).toEqual(tags);
  });

  it('checks Uploaders for duplicates', async () => {
    expect(await check('Jane <jane@example.org>', { Uploaders: 'A <a@example.org>, B <a@example.org>' })).toEqual(['duplicate-contact Uploaders a@example.org']);
  });

  it('validates hosts as Data::Validate::Domain does', () => {
    expect(isDomain('example.org')).toBe(true);
    expect(isDomain('xn--bcher-kva.example')).toBe(true);
    for (const bad of ['localhost', 'a.b', 'foo_bar.org', '-foo.org', '1.2.3.4', 'example.org.', 'a..b', `${'a'.repeat(64)}.org`]) expect(isDomain(bad), bad).toBe(false);
  });
});
