/**
 * lintian's fields/mail-address: Maintainer (and Changed-By, Uploaders) must be RFC 5322
 * contacts `Name <user@host>` with a real host, a name, and not root.
 */
import { topLevelDomains } from '../../data/index.js';
import type { Check } from '../../types.js';
import { addressOf, formatAddress, parseAddressList, type ParsedAddress } from './rfc5322.js';
import { tag } from './tag.js';
import { declares, perlLength, value } from './values.js';

const QA_PHRASE = 'Debian QA Group';
const QA_ADDRESS = 'packages@qa.debian.org';
const BOUNCES = ['ubuntu-devel-discuss@lists.ubuntu.com'];
const FIX = 'Set `maintainer: Jane Doe <jane@example.org>` in debship.yaml';

export const mailAddressCheck: Check = {
  name: 'fields/mail-address',
  tags: [
    tag('malformed-contact', 'error', 'fields/mail-address', 'The field is not a valid contact: it must read `Name <user@host>`.', `${FIX}: a name, then the address in angle brackets.`),
    tag('too-many-contacts', 'error', 'fields/mail-address', 'The field holds more than one contact, but Maintainer (or Changed-By) names exactly one.', `${FIX} with one contact only.`),
    tag('no-phrase', 'error', 'fields/mail-address', 'The contact is an address without a name.', `${FIX}: put the person or team name before the address.`),
    tag('bogus-mail-host', 'error', 'fields/mail-address', 'The host part of the address is not a valid domain with a known top-level domain (localhost, a bare host name, an IP address).', `${FIX} with an address people can write to.`),
    tag('root-in-contact', 'error', 'fields/mail-address', 'The contact is root: a person or team should be named and reachable instead.', `${FIX} naming a person or team.`),
    tag('mail-address-loops-or-bounces', 'error', 'fields/mail-address', 'The address is known to bounce or loop (a list that rejects such mail).', `${FIX} with a working address.`),
    tag('faulty-debian-qa-group-phrase', 'error', 'fields/mail-address', 'The Debian QA Group\'s address is used with another name.', 'Write the maintainer as `Debian QA Group <packages@qa.debian.org>`.'),
    tag('faulty-debian-qa-group-address', 'error', 'fields/mail-address', 'The Debian QA Group is named with an address other than packages@qa.debian.org.', 'Write the maintainer as `Debian QA Group <packages@qa.debian.org>`.'),
    tag('duplicate-contact', 'warning', 'fields/mail-address', 'The same address appears twice in Uploaders.', 'Name each uploader once.'),
  ],
  run({ pkg, report }) {
    const singles = ['Maintainer', 'Changed-By'].filter((r) => declares(pkg, r));
    const groups = ['Uploaders'].filter((r) => declares(pkg, r));
    const parsed = new Map([...singles, ...groups].map((role) => [role, parseAddressList(value(pkg, role))]));
    for (const [role, addresses] of parsed) {
      // lintian trims each part of a context (Lintian::Check::stringify)
      for (const a of addresses) if (!a.valid) report('malformed-contact', `${role} ${a.original.trim()}`);
      const seen = new Set<string>();
      for (const a of addresses) {
        if (!a.valid || seen.has(formatAddress(a))) continue;
        seen.add(formatAddress(a));
        checkAddress(role, a, report);
      }
    }
    for (const role of singles) if (parsed.get(role)!.length > 1) report('too-many-contacts', `${role} ${value(pkg, role)}`);
    for (const role of groups) {
      const count = new Map<string, number>();
      for (const a of parsed.get(role)!) if (a.valid) count.set(addressOf(a), (count.get(addressOf(a)) ?? 0) + 1);
      for (const [address, n] of count) if (n > 1) report('duplicate-contact', `${role} ${address}`);
    }
  },
};

function checkAddress(role: string, a: ParsedAddress, report: (tag: string, context: string) => void): void {
  const address = addressOf(a);
  if (!isDomain(a.host!)) report('bogus-mail-host', `${role} ${address}`);
  if (BOUNCES.includes(address)) report('mail-address-loops-or-bounces', `${role} ${address}`);
  if (!a.phrase) {
    report('no-phrase', `${role} ${formatAddress(a)}`);
    return;
  }
  if (a.user === 'root' || a.phrase === 'root') report('root-in-contact', `${role} ${formatAddress(a)}`);
  if (address === QA_ADDRESS && a.phrase !== QA_PHRASE) report('faulty-debian-qa-group-phrase', `${role} ${a.phrase} -> ${QA_PHRASE}`);
  if ((/\bdebian\s+qa\b/i.test(a.phrase) && address !== QA_ADDRESS) || address === 'debian-qa@lists.debian.org') {
    report('faulty-debian-qa-group-address', `${role} ${address} -> ${QA_ADDRESS}`);
  }
}

/** Data::Validate::Domain's is_domain as lintian calls it: DNS labels, two or more, a known top-level domain. */
export function isDomain(host: string): boolean {
  const length = perlLength(host);
  if (length === 0 || length > 255) return false;
  const labels = host.split('.');
  const ok = (l: string) => (l.length === 1 ? /^[0-9A-Za-z]$/.test(l) : l.length <= 63 && /^[0-9A-Za-z][0-9A-Za-z-]*[0-9A-Za-z]$/.test(l));
  if (!labels.every(ok) || labels.length < 2) return false;
  return topLevelDomains().has(labels.at(-1)!.toLowerCase());
}
