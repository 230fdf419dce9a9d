import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ownershipSnippets } from './ownership-scripts.js';

describe('ownershipSnippets', () => {
  it('adds nothing when everything is root-owned', () => {
    expect(ownershipSnippets([{ path: '/usr/bin/x', owner: 'root', group: 'root', mode: 0o755 }]).postinst).toEqual([]);
  });

  it('re-applies owner and mode on configure, deferring to dpkg-statoverride', () => {
    const [snippet] = ownershipSnippets([
      { path: '/var/lib/app', owner: 'app', group: 'app', mode: 0o750 },
      { path: "/etc/app/it's.conf", owner: 'root', group: 'app', mode: 0o640 },
    ]).postinst;
    expect(snippet!.code).toBe(
      [
        'if [ "$1" = "configure" ]; then',
        "\tif ! dpkg-statoverride --list '/etc/app/it'\\''s.conf' >/dev/null 2>&1; then",
        "\t\tchown 'root:app' '/etc/app/it'\\''s.conf'",
        "\t\tchmod 0640 '/etc/app/it'\\''s.conf'",
        '\tfi',
        "\tif ! dpkg-statoverride --list '/var/lib/app' >/dev/null 2>&1; then",
        "\t\tchown 'app:app' '/var/lib/app'",
        "\t\tchmod 0750 '/var/lib/app'",
        '\tfi',
        'fi',
        '',
      ].join('\n'),
    );
    execFileSync('sh', ['-n'], { input: snippet!.code });
  });
});
