/** Where Python files go, after the file-level part of lintian's languages/python check. */
import { packageRelation, parsePredicate, satisfies } from '../../relation.js';
import { tagMaker } from '../../tag.js';
import type { Check, LintPackage, TagInfo } from '../../types.js';
import { installed, isFile } from './installed.js';
import { pointed } from '../../hint-text.js';
import { sourceName } from '../../package-identity.js';

const CHECK = 'languages/python';
const t = tagMaker(CHECK);

const TAGS: TagInfo[] = [
  t('package-installs-python-bytecode', 'error', 'Byte-compiled .pyc/.pyo files are generated on the target (py3compile); shipped ones go stale and are left behind on removal.', 'exclude *.pyc from the contents glob; byte-compile in postinst'),
  t('package-installs-python-pycache-dir', 'error', '__pycache__ directories are generated on the target; shipped ones are left behind on removal.', 'exclude __pycache__ from the contents glob (src)'),
  t('python-debug-in-wrong-location', 'warning', 'Debug files for Python extensions belong under /usr/lib/debug/usr/lib/pymodules.', 'move the file to the location in the hint'),
  t('package-installs-python-egg', 'error', 'Python eggs are not a supported installed format; install the unpacked module.', 'install the module directory instead of the .egg'),
  t('file-in-usr-lib-site-python', 'error', '/usr/lib/site-python is obsolete.', 'install the module under /usr/lib/python3/dist-packages'),
  t('third-party-package-in-python-dir', 'warning', 'Only the Python interpreter packages may install directly into /usr/lib/pythonX.Y.', 'install the module under /usr/lib/python3/dist-packages'),
  t('python-module-has-overly-generic-name', 'error', 'A top-level module named like tests, docs or examples collides with other packages.', 'move it inside the package’s own module directory'),
  t('unknown-file-in-python-module-directory', 'error', 'Only modules, extensions, .pth and .egg-info belong at the top of dist-packages.', 'move the file into the package’s module directory or /usr/share/doc'),
  t('python-package-missing-depends-on-python', 'error', 'The package ships Python modules but does not depend on the interpreter.', 'add python3 to depends'),
  t('python-module-in-wrong-location', 'warning', 'Python 3 modules go in /usr/lib/python3/dist-packages, not a versioned or site-packages directory.', 'set the dst to /usr/lib/python3/dist-packages/<module>'),
];

// /usr/share/lintian/data/files/generic-python-modules and allowed-python-files
const GENERIC = [/^(backports?)(?:\.py|\/__init__\.py)$/i, /^(core)(?:\.py|\/__init__\.py)$/i, /^(docs?)(?:\.py|\/__init__\.py)$/i, /^(site)(?:\.py|\/__init__\.py)$/i, /^(tests?)(?:\.py|\/__init__\.py)$/i, /^(examples?)(?:\.py|\/__init__\.py)$/i, /^(scripts?)(?:\.py|\/__init__\.py)$/i];
const ALLOWED = /\.egg-info$|\.so$|\.pth$|\.py[ic]?$/i;
const INTERPRETER_USER = /^usr\/lib\/(python[23])[\d.]*\/(?:site|dist)-packages/;

/**
 * Whether the package's relations (and what it provides, and its own name) imply
 * `<v>-minimal:any | <v>:any`, as lintian asks Lintian::Relation::satisfies.
 */
function impliesInterpreter(pkg: LintPackage, version: string): boolean {
  const prerequisites = [...packageRelation(pkg, 'all'), ...packageRelation(pkg, 'Provides'), [parsePredicate(pkg.name)]];
  return satisfies(prerequisites, `${version}-minimal:any | ${version}:any`);
}

const MODULE_PATH = /^(usr\/lib\/debug\/)?usr\/lib\/python(\d+(?:\.\d+)?)\/((?:site|dist)-packages)\/([\s\S]+)$/;

export const pythonCheck: Check = {
  name: CHECK,
  tags: TAGS,
  run({ pkg, report }) {
    const source = sourceName(pkg);
    const interpreter = /^python(?:\d\.\d)?$/.test(source) || /^python\d?-(?:stdlib-extensions|profiler|old-doctools)$/.test(source);
    const wrongLocation = new Map<string, string>();
    for (const item of installed(pkg).items) {
      const { name } = item;
      const hint = (tag: string, ...notes: string[]) => report(tag, pointed(name, ...notes));
      if (/\.py[co]$/.test(name) && !name.includes('/__pycache__/')) hint('package-installs-python-bytecode');
      if (item.type === 'dir' && name.includes('/__pycache__/')) hint('package-installs-python-pycache-dir');
      let m = /^usr\/lib\/debug\/usr\/lib\/pyshared\/(python\d?(?:\.\d+))\/(.+)$/.exec(name);
      if (isFile(item) && m) hint('python-debug-in-wrong-location', `better: usr/lib/debug/usr/lib/pymodules/${m[1]}/${m[2]}`);
      if (name.endsWith('.egg') && (/^usr\/lib\/python\d+(?:\.\d+\/)/.test(name) || name.startsWith('usr/lib/pyshared') || name.startsWith('usr/share/'))) hint('package-installs-python-egg');
      if (/^usr\/lib\/site-python\/\S/.test(name)) hint('file-in-usr-lib-site-python');
      if (/^usr\/lib\/python\d\.\d\/\S/.test(name) && !/^usr\/lib\/python\d\.\d\/(?:site|dist)-packages\//.test(name) && !interpreter) {
        hint('third-party-package-in-python-dir');
      }
      m = MODULE_PATH.exec(name);
      if (!m) continue;
      const [, debug = '', version, actualDir, relative] = m as unknown as [string, string | undefined, string, string, string];
      const [major = 0, minor = 0] = version.split('.').map(Number);
      if (major < 2) continue;
      const module = /^[^/]+/.exec(relative)?.[0] ?? '';
      const specifiedLib = major < 3 ? `usr/lib/python${version}/` : `usr/lib/python${major}/`;
      const specifiedDir = major === 2 && minor < 6 ? 'site-packages' : 'dist-packages';
      const actual = `${debug}usr/lib/python${version}/${actualDir}/${module}`;
      const specified = `${debug}${specifiedLib}${specifiedDir}/${module}`;
      if (actual !== specified) wrongLocation.set(actual, specified);
      for (const r of GENERIC) {
        const g = r.exec(relative);
        if (g) hint('python-module-has-overly-generic-name', `(${g[1]})`);
      }
      if (isFile(item) && relative === item.basename && !ALLOWED.test(item.basename)) hint('unknown-file-in-python-module-directory');
    }
    for (const [actual, specified] of wrongLocation) report('python-module-in-wrong-location', `${actual} -> ${specified}`);
    if (pkg.name.endsWith('-dbg')) return;
    for (const item of installed(pkg).items) {
      const m = isFile(item) ? INTERPRETER_USER.exec(item.name) : null;
      if (m && !impliesInterpreter(pkg, m[1]!)) {
        report('python-package-missing-depends-on-python');
        break;
      }
    }
  },
};
