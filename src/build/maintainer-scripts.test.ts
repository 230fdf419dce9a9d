import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDebshipError } from '../core/errors.js';
import { expectGolden } from '../../test/support/golden.js';
import { group, unit, user } from '../../test/support/maintainer-fixtures.js';
import { requireTool } from '../../test/support/tools.js';
import { composeScripts, type ComposeInput } from './maintainer-scripts.js';

const GOLDEN = join(import.meta.dirname, '__golden__');
const base = { packageName: 'hello-service', userScripts: {}, units: [], users: [], groups: [] } satisfies ComposeInput;

const scenarios: Record<string, ComposeInput> = {
  service: { ...base, units: [unit('hello-service.service')], users: [user('hello-service')] },
  'stop-start': { ...base, units: [unit('hello-service.service', { restartOnUpgrade: false })] },
  mixed: {
    ...base,
    units: [
      unit('web.service'),
      unit('worker@.service'),
      unit('cleanup.timer', { start: false }),
      unit('batch.service', { enable: false, start: false }),
      unit('db-migrate.service', { restartOnUpgrade: false }),
      unit('web.service'),
    ],
    users: [user('app', { removeOnPurge: true, home: '/var/lib/app', gecos: "App's daemon" }), user('app-helper', { group: 'app-shared' })],
    groups: [group('app-data', { removeOnPurge: true })],
  },
  'user-token': {
    ...base,
    units: [unit('hello-service.service')],
    userScripts: {
      postinst: '#!/bin/sh\nset -e\ncase "$1" in\nconfigure) echo configured ;;\nesac\n\n#DEBHELPER#\n\nexit 0\n',
      prerm: '#!/bin/sh\nset -e\n#DEBHELPER#\necho bye\n',
    },
  },
  'user-plain': {
    ...base,
    units: [unit('hello-service.service')],
    users: [user('hello-service', { removeOnPurge: true })],
    userScripts: {
      preinst: '#!/bin/sh\necho preinst "$@"\n',
      postinst: '#!/bin/bash -e\nmkdir -p /var/lib/hello-service\nexit 0',
      postrm: 'rm -rf /var/lib/hello-service\n',
    },
  },
  'users-only': { ...base, users: [user('svc')], groups: [group('svc-readers')] },
};

function rendered(input: ComposeInput): string {
  const { scripts, depends } = composeScripts(input);
  const parts = Object.entries(scripts).map(([name, text]) => `==> ${name} <==\n${text}`);
  return [...parts, `==> depends <==\n${depends.join(', ')}\n`].join('\n');
}

describe('composeScripts goldens', () => {
  for (const [name, input] of Object.entries(scenarios)) {
    it(name, () => expectGolden(join(GOLDEN, `${name}.txt`), rendered(input)));
  }
});

describe('generated scripts are POSIX sh', () => {
  const all = Object.entries(scenarios).flatMap(([name, input]) =>
    Object.entries(composeScripts(input).scripts).map(([hook, text]) => ({ id: `${name}/${hook}`, text: text! })),
  );
  const sh = all.filter((s) => s.text.startsWith('#!/bin/sh'));

  it('parse with dash -n (bash -n for bash scripts)', () => {
    for (const s of all) {
      const shell = s.text.startsWith('#!/bin/bash') ? 'bash' : 'dash';
      const r = spawnSync(shell, ['-n'], { input: s.text, encoding: 'utf8' });
      expect(r.status, `${s.id}: ${r.stderr}`).toBe(0);
    }
  });

  it('have no bashisms (checkbashisms)', async () => {
    const tool = await requireTool('checkbashisms', 'devscripts');
    for (const s of sh) {
      const r = spawnSync(tool, ['-'], { input: s.text, encoding: 'utf8' });
      expect(r.status, `${s.id}: ${r.stderr}`).toBe(0);
    }
  });

  it('never start a line with systemctl, except daemon-reload (lintian maintainer-script-calls-systemctl)', () => {
    for (const s of sh) {
      const hits = s.text.split('\n').filter((l) => !l.startsWith('#') && /^(?:.+;)?\s*systemctl\b/.test(l) && !/daemon-reload/.test(l));
      expect(hits, s.id).toEqual([]);
    }
  });
});

describe('composition rules', () => {
  it('writes nothing when there is nothing to run', () => {
    expect(composeScripts(base)).toEqual({ scripts: {}, depends: [] });
  });

  it('passes a user script through unchanged when nothing is generated for it', () => {
    const postinst = '#!/usr/bin/perl\nprint "hi\\n";\n';
    expect(composeScripts({ ...base, userScripts: { postinst } }).scripts).toEqual({ postinst });
  });

  it('gives a script without a #! line one, with set -e', () => {
    expect(composeScripts({ ...base, userScripts: { postrm: 'rm -rf /var/lib/x\n' } }).scripts.postrm).toBe('#!/bin/sh\nset -e\nrm -rf /var/lib/x\n');
  });

  it('drops a #DEBHELPER# token that has nothing to stand for, as debhelper does', () => {
    expect(composeScripts({ ...base, userScripts: { prerm: '#!/bin/sh\nset -e\n#DEBHELPER#\n' } }).scripts.prerm).toBe('#!/bin/sh\nset -e\n\n');
  });

  it('refuses to add shell code to a script in another language', () => {
    let err: unknown;
    try {
      composeScripts({ ...base, units: [unit('a.service')], userScripts: { postinst: '#!/usr/bin/python3\nprint(1)\n' } });
    } catch (e) {
      err = e;
    }
    expect(isDebshipError(err) && err.code).toBe('maintainer-script-not-shell');
    expect(String((err as Error).message)).toContain('scripts.postinstall');
  });

  it('asks for passwd when it creates users or groups', () => {
    expect(composeScripts({ ...base, groups: [group('g')] }).depends).toEqual(['passwd']);
    expect(composeScripts({ ...base, units: [unit('a.service')] }).depends).toEqual([]);
  });
});
