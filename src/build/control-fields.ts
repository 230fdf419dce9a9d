/**
 * The binary control stanza, in dpkg-gencontrol's field order. Installed-Size is added by the
 * .deb writer, which is the only place that knows every member's size.
 */
import type { ProjectConfig } from '../config/types.js';
import type { ControlFields } from '../deb/types.js';

export interface ControlInput {
  config: ProjectConfig;
  version: string;
  arch: string;
  /** Dependencies the generated maintainer scripts need, merged into Depends. */
  extraDepends: string[];
}

export function buildControlFields({ config: c, version, arch, extraDepends }: ControlInput): ControlFields {
  const fields: ControlFields = [];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') fields.push([name, value]);
  };
  const list = (name: string, items: string[]) => add(name, dedupe(items).join(', '));
  add('Package', c.name);
  add('Version', version);
  add('Architecture', arch);
  add('Architecture-Variant', c.deb.archVariant);
  add('Maintainer', c.maintainer);
  list('Pre-Depends', c.predepends);
  list('Depends', [...c.depends, ...extraDepends]);
  list('Recommends', c.recommends);
  list('Suggests', c.suggests);
  list('Breaks', c.breaks);
  list('Conflicts', c.conflicts);
  list('Replaces', c.replaces);
  list('Provides', c.provides);
  add('Section', c.section);
  add('Priority', c.priority);
  add('Homepage', c.homepage);
  for (const [name, value] of Object.entries(c.deb.fields)) add(name, value);
  add('Description', formatDescription(c.description ?? `${c.name} package`));
  return fields;
}

/**
 * nfpm's description is free text: the first line is the synopsis, the rest the extended
 * description. Returned as raw lines joined by \n; the control writer indents them and turns
 * empty lines into " .".
 */
export function formatDescription(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').replace(/\s+$/, '').split('\n');
  const synopsis = (lines.shift() ?? '').trim();
  while (lines.length && lines[0]!.trim() === '') lines.shift();
  return [synopsis, ...lines.map((l) => l.replace(/\s+$/, ''))].join('\n');
}

function dedupe(items: string[]): string[] {
  const seen = new Set<string>();
  return items.map((s) => s.trim()).filter((s) => s && !seen.has(s) && seen.add(s));
}
