/** Small builders for the normalised systemd/users config the maintainer-script generators take. */
import type { SystemGroup, SystemUser, SystemdUnit } from '../../src/config/types.js';

export function unit(name: string, over: Partial<SystemdUnit> = {}): SystemdUnit {
  return { src: name, name, enable: true, start: true, restartOnUpgrade: true, ...over };
}

export function user(name: string, over: Partial<SystemUser> = {}): SystemUser {
  return { name, group: name, home: '/nonexistent', shell: '/usr/sbin/nologin', gecos: `${name} daemon`, removeOnPurge: false, ...over };
}

export function group(name: string, over: Partial<SystemGroup> = {}): SystemGroup {
  return { name, removeOnPurge: false, ...over };
}
