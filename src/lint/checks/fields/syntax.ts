/**
 * lintian's checks of control fields as such: fields/empty, fields/multi-line, fields/length,
 * fields/unknown and fields/terminal-control.
 */
import { binaryFields } from '../../data/index.js';
import type { Check } from '../../types.js';
import { tag } from './tag.js';
import { perlLength, trim } from './values.js';

const EXTRA = 'Check deb.fields in debship.yaml';

/** Single-line fields; package relations too, in a binary package (Policy 7.1). */
const SINGLE_LINE = [
  'Architecture', 'Bugs', 'Changed-By', 'Closes', 'Date', 'Distribution', 'Dm-Upload-Allowed', 'Essential', 'Format', 'Homepage', 'Installed-Size',
  'Installer-Menu-Item', 'Maintainer', 'Multi-Arch', 'Origin', 'Package', 'Priority', 'Section', 'Source', 'Standards-Version', 'Subarchitecture',
  'Urgency', 'Version', 'Depends', 'Pre-Depends', 'Recommends', 'Suggests', 'Conflicts', 'Provides', 'Enhances', 'Replaces', 'Breaks',
];
const MAX_LENGTH = 5000;
const LONG_ALLOWED = ['Build-Ids', 'Description', 'Package-List', 'Installed-Build-Depends', 'Checksums-Sha256'];

export const emptyFieldCheck: Check = {
  name: 'fields/empty',
  tags: [tag('empty-field', 'warning', 'fields/empty', 'A control field is present but has no value.', `${EXTRA}: debship skips empty values there, so the field comes from elsewhere; remove it.`)],
  run({ pkg, report }) {
    for (const [name, v] of pkg.fields) if (trim(v) === '') report('empty-field', name);
  },
};

export const multiLineCheck: Check = {
  name: 'fields/multi-line',
  tags: [
    tag('multiline-field', 'error', 'fields/multi-line', 'A field that must be a single line (Package, Version, Depends, Maintainer…) spans several lines.', 'Write the value on one line in debship.yaml (lists such as `depends:` are joined with commas by debship).'),
  ],
  run({ pkg, report }) {
    // lintian compares names case-sensitively here.
    for (const [name, v] of pkg.fields) if (SINGLE_LINE.includes(name) && v.replace(/\n$/, '').includes('\n')) report('multiline-field', name);
  },
};

export const lengthCheck: Check = {
  name: 'fields/length',
  tags: [tag('field-too-long', 'error', 'fields/length', `A control field is longer than ${MAX_LENGTH} characters, which some tools cannot handle.`, `${EXTRA} (or the dependency lists) for a runaway value.`)],
  run({ pkg, report }) {
    for (const [name, v] of pkg.fields) {
      if (perlLength(v) > MAX_LENGTH && !LONG_ALLOWED.includes(name)) report('field-too-long', `${name} (${perlLength(trim(v))} chars > ${MAX_LENGTH})`);
    }
  },
};

export const unknownFieldCheck: Check = {
  name: 'fields/unknown',
  tags: [tag('unknown-field', 'warning', 'fields/unknown', 'The control file has a field lintian does not know for binary packages; it may be a typo or meant for another file.', `${EXTRA}; remove fields that do not belong in a binary package.`)],
  run({ pkg, report }) {
    for (const [name] of pkg.fields) if (!binaryFields().has(name.toLowerCase())) report('unknown-field', name);
  },
};

export const terminalControlCheck: Check = {
  name: 'fields/terminal-control',
  tags: [tag('ansi-escape', 'warning', 'fields/terminal-control', 'A field contains an ANSI escape sequence, which would change the terminal of whoever displays it.', 'Remove escape characters from the value in debship.yaml.')],
  run({ pkg, report }) {
    for (const [name, v] of pkg.fields) if (v.includes('\x1b')) report('ansi-escape', `${name} ${trim(v)}`);
  },
};
