/**
 * The maintainer scripts debship generates (users, systemd units, file ownership) must pass every
 * script and systemd check; only classification tags may remain.
 */
import { describe, expect, it } from 'vitest';
import { group, unit, user } from '../../../../test/support/maintainer-fixtures.js';
import { composeScripts, type ComposeInput } from '../../../build/maintainer-scripts.js';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { systemdChecks } from '../systemd/index.js';
import { scriptsChecks } from './index.js';

const base = { packageName: 'hello-service', userScripts: {}, units: [], users: [], groups: [] } satisfies ComposeInput;
const scenarios: Record<string, ComposeInput> = {
  service: { ...base, units: [unit('hello-service.service')], users: [user('hello-service')] },
  mixed: {
    ...base,
    units: [unit('web.service'), unit('worker@.service'), unit('cleanup.timer', { start: false }), unit('batch.service', { enable: false, start: false }), unit('db-migrate.service', { restartOnUpgrade: false })],
    users: [user('app', { removeOnPurge: true, home: '/var/lib/app' })],
    groups: [group('app-data', { removeOnPurge: true })],
    ownedPaths: [{ path: '/var/lib/app', owner: 'app', group: 'app', mode: 0o750 }],
  },
  'user-script': { ...base, units: [unit('hello-service.service')], userScripts: { postinst: 'echo configured\n', prerm: '#!/bin/sh\nset -e\n#DEBHELPER#\necho bye\n' } },
};

describe('debship’s generated maintainer scripts', () => {
  for (const [name, input] of Object.entries(scenarios)) {
    it(`${name}: no findings`, async () => {
      const { scripts, depends } = composeScripts(input);
      const pkg = fakePackage({ control: scripts as Record<string, string>, fields: { Package: input.packageName, Depends: depends.join(', ') } });
      const findings: string[] = [];
      for (const check of [...scriptsChecks, ...systemdChecks]) {
        const classifications = new Set(check.tags.filter((t) => t.severity === 'classification').map((t) => t.name));
        findings.push(...(await runCheck(check, pkg)).filter((f) => !classifications.has(f.split(' ')[0]!)));
      }
      expect(findings).toEqual([]);
    });
  }
});
