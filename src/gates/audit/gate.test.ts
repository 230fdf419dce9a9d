import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DebshipError } from '../../core/errors.js';
import { readAuditGateReports, runAuditGate } from './gate.js';
import { defaultAuditPolicy } from './policy.js';

describe('readAuditGateReports', () => {
  it('turns a report that says the scan failed into a scanner error the policy judges', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'debship-audit-gate-'));
    const pip = join(dir, 'pip.json');
    const npm = join(dir, 'npm.json');
    await writeFile(pip, JSON.stringify({ dependencies: [{ name: 'internal', version: '0.1', skip_reason: 'not on the index' }], fixes: [] }));
    await writeFile(npm, JSON.stringify({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' } }));
    const { reports, scannerErrors } = await readAuditGateReports([pip, npm]);
    expect(reports.map((r) => [r.source, r.format, r.skipped.length])).toEqual([[pip, 'pip-audit', 1]]);
    expect(scannerErrors).toHaveLength(1);
    expect(scannerErrors[0]!.source).toBe(npm);
    expect(scannerErrors[0]!.message).toContain('npm audit failed');

    const failed = runAuditGate({ reports, scannerErrors, policy: defaultAuditPolicy() });
    expect(failed.passed).toBe(false);
    expect(failed.failures).toEqual([scannerErrors[0]!.message]);
    const policy = defaultAuditPolicy();
    policy.scannerErrors = 'warn';
    const warned = runAuditGate({ reports, scannerErrors, policy });
    expect(warned.passed).toBe(true);
    expect(warned.skipped).toEqual([{ package: 'internal', version: '0.1', reason: 'not on the index', source: pip }]);
  });

  it('still throws for a report that cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'debship-audit-gate-'));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"nope": 1}');
    await expect(readAuditGateReports([bad])).rejects.toBeInstanceOf(DebshipError);
    await expect(readAuditGateReports([join(dir, 'missing.json')])).rejects.toBeInstanceOf(DebshipError);
  });
});
