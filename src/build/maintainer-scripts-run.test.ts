/**
 * Runs the generated scripts under dash with stub tools on PATH that log their arguments, the way
 * dpkg calls them (Debian Policy 6.5), and checks what they did. Absolute paths the scripts test
 * (/run/systemd/system, policy-rc.d) are pointed into a temporary directory.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unit, user } from '../../test/support/maintainer-fixtures.js';
import { composeScripts, type ComposeInput, type ScriptHook } from './maintainer-scripts.js';

const STUBS: Record<string, string> = {
  getent: 'case " $STUB_EXISTING " in *" $1:$2 "*) exit 0 ;; esac\nexit 2',
  'deb-systemd-helper': '[ "$1 $2" != "--quiet was-enabled" ] || exit "${STUB_WAS_ENABLED:-0}"',
  'deb-systemd-invoke': '',
  systemctl: 'case "$*" in *is-enabled*) echo "${STUB_ENABLED:-enabled}" ;; *is-active*) exit 3 ;; esac',
  groupadd: '',
  useradd: '',
  userdel: '',
  groupdel: '',
  rm: '',
};
const HELPERS = ['deb-systemd-helper', 'deb-systemd-invoke'];

interface RunOptions {
  /** Whether /run/systemd/system exists (systemd is PID 1). Default true. */
  systemd?: boolean;
  /** Whether init-system-helpers is installed. Default true. */
  helpers?: boolean;
  /** `passwd:name` / `group:name` entries getent finds. */
  existing?: string[];
  /** Exit code of policy-rc.d; absent means no policy-rc.d. */
  policy?: number;
  env?: Record<string, string>;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'debship-maint-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(input: ComposeInput, hook: ScriptHook, args: string[], opts: RunOptions = {}): string[] {
  const bin = join(dir, `bin-${Math.random().toString(36).slice(2)}`);
  mkdirSync(bin);
  for (const [name, body] of Object.entries(STUBS)) {
    if (opts.helpers === false && HELPERS.includes(name)) continue;
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >>"$STUB_LOG"\n${body}\n`, { mode: 0o755 });
  }
  const runDir = join(dir, 'run-systemd');
  if (opts.systemd !== false) mkdirSync(runDir, { recursive: true });
  const policy = join(dir, 'policy-rc.d');
  if (opts.policy !== undefined) writeFileSync(policy, `#!/bin/sh\nexit ${opts.policy}\n`, { mode: 0o755 });

  const text = composeScripts(input).scripts[hook];
  if (text === undefined) return [];
  const script = join(dir, hook);
  writeFileSync(script, text.replaceAll('/run/systemd/system', runDir).replaceAll('/usr/sbin/policy-rc.d', policy));
  chmodSync(script, 0o755);
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  const env = { PATH: bin, STUB_LOG: log, STUB_EXISTING: (opts.existing ?? []).join(' '), ...opts.env };
  const r = spawnSync('/bin/dash', [script, ...args], { env, encoding: 'utf8' });
  expect(r.status, `${hook} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return r.stdout ? [...r.stdout.trim().split('\n').map((l) => `stdout: ${l}`), ...calls] : calls;
}

const S = 'hello-service.service';
const service: ComposeInput = {
  packageName: 'hello-service',
  userScripts: {},
  units: [unit(S)],
  users: [user('hello-service', { removeOnPurge: true })],
  groups: [],
};
const exists = ['passwd:hello-service', 'group:hello-service'];
const createUser = [
  'getent group hello-service',
  'groupadd --system hello-service',
  'getent passwd hello-service',
  'useradd --system --gid hello-service --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin --comment hello-service daemon hello-service',
];
const enable = [`deb-systemd-helper unmask ${S}`, `deb-systemd-helper --quiet was-enabled ${S}`, `deb-systemd-helper enable ${S}`];

describe('with init-system-helpers (what dh_installsystemd scripts do)', () => {
  it('configure on a fresh install: creates the user, enables and starts the unit', () => {
    expect(run(service, 'postinst', ['configure'])).toEqual([...createUser, ...enable, 'systemctl --system daemon-reload', `deb-systemd-invoke start ${S}`]);
  });

  it('configure on upgrade: keeps the existing user, restarts the unit', () => {
    expect(run(service, 'postinst', ['configure', '1.0.0'], { existing: exists })).toEqual([
      'getent group hello-service',
      'getent passwd hello-service',
      ...enable,
      'systemctl --system daemon-reload',
      `deb-systemd-invoke restart ${S}`,
    ]);
  });

  it('respects an admin who disabled the unit', () => {
    const calls = run(service, 'postinst', ['configure', '1.0.0'], { existing: exists, env: { STUB_WAS_ENABLED: '1' } });
    expect(calls).toContain(`deb-systemd-helper update-state ${S}`);
    expect(calls).not.toContain(`deb-systemd-helper enable ${S}`);
  });

  it('does not start anything when systemd is not running', () => {
    expect(run(service, 'postinst', ['configure'], { systemd: false })).toEqual([...createUser, ...enable]);
  });

  it('stops on remove but not on upgrade (restart happens in the new postinst)', () => {
    expect(run(service, 'prerm', ['upgrade', '1.1.0'])).toEqual([]);
    expect(run(service, 'prerm', ['remove'])).toEqual([`deb-systemd-invoke stop ${S}`]);
    expect(run(service, 'preinst', ['upgrade', '1.0.0'])).toEqual([]);
  });

  it('reloads on remove, cleans up and removes the user on purge', () => {
    expect(run(service, 'postrm', ['remove'])).toEqual(['systemctl --system daemon-reload']);
    expect(run(service, 'postrm', ['purge'], { existing: exists })).toEqual([
      `deb-systemd-helper purge ${S}`,
      'getent passwd hello-service',
      'userdel hello-service',
      'getent group hello-service',
      'groupdel hello-service',
    ]);
  });

  it('keeps the user on purge unless remove_on_purge is set', () => {
    const keep = { ...service, users: [user('hello-service')] };
    expect(run(keep, 'postrm', ['purge'], { existing: exists })).toEqual([`deb-systemd-helper purge ${S}`]);
  });

  it('without restart_on_upgrade: stops in preinst, starts in postinst', () => {
    const input = { ...service, units: [unit(S, { restartOnUpgrade: false })] };
    expect(run(input, 'preinst', ['install'])).toEqual([]);
    expect(run(input, 'preinst', ['upgrade', '1.0.0'])).toEqual([`deb-systemd-invoke stop ${S}`]);
    expect(run(input, 'postinst', ['configure', '1.0.0'], { existing: exists }).slice(-2)).toEqual([
      'systemctl --system daemon-reload',
      `deb-systemd-invoke start ${S}`,
    ]);
    expect(run(input, 'prerm', ['remove'])).toEqual([`deb-systemd-invoke stop ${S}`]);
  });
});

describe('without init-system-helpers (systemctl fallback)', () => {
  const opts = { helpers: false, existing: exists };
  it('enables on first install only, and starts an enabled unit', () => {
    expect(run(service, 'postinst', ['configure'], opts).slice(2)).toEqual([
      `systemctl --system enable ${S}`,
      'systemctl --system daemon-reload',
      `systemctl --system is-enabled ${S}`,
      `systemctl --system --quiet start ${S}`,
    ]);
    expect(run(service, 'postinst', ['configure', '1.0.0'], opts).slice(2)).toEqual([
      'systemctl --system daemon-reload',
      `systemctl --system is-enabled ${S}`,
      `systemctl --system --quiet restart ${S}`,
    ]);
  });

  it('leaves a disabled, stopped unit alone', () => {
    const calls = run(service, 'postinst', ['configure', '1.0.0'], { ...opts, env: { STUB_ENABLED: 'disabled' } });
    expect(calls.slice(-1)).toEqual([`systemctl --system --quiet is-active ${S}`]);
  });

  it('honours policy-rc.d (101: do not start)', () => {
    expect(run(service, 'postinst', ['configure'], { ...opts, policy: 101 }).slice(-1)).toEqual(['systemctl --system daemon-reload']);
    expect(run(service, 'prerm', ['remove'], { ...opts, policy: 104 })).toEqual([`systemctl --system --quiet stop ${S}`]);
  });

  it('removes the enablement links on purge', () => {
    expect(run(service, 'postrm', ['purge'], opts)[0]).toBe(`rm -f /etc/systemd/system/*.wants/${S} /etc/systemd/system/*.requires/${S}`);
  });
});

describe('user scripts', () => {
  it('run before the generated code in postinst even when they end with exit 0', () => {
    const input = { ...service, userScripts: { postinst: 'echo user "$@"\nexit 0\n' } };
    const calls = run(input, 'postinst', ['configure', '1.0.0'], { existing: exists });
    expect(calls[0]).toBe('stdout: user configure 1.0.0');
    expect(calls.at(-1)).toBe(`deb-systemd-invoke restart ${S}`);
  });

  it('run after the generated code in prerm, and their failure fails the script', () => {
    const input = { ...service, userScripts: { prerm: '#!/bin/sh\necho user "$@"\n' } };
    expect(run(input, 'prerm', ['remove'])).toEqual(['stdout: user remove', `deb-systemd-invoke stop ${S}`]);
    const failing = composeScripts({ ...service, userScripts: { postinst: 'false\necho not reached\n' } }).scripts.postinst!;
    const r = spawnSync('/bin/dash', ['-c', failing, 'postinst', 'configure'], { env: { PATH: '/nonexistent' }, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout).not.toContain('not reached');
  });
});
