/**
 * Scripts installed by the package (any file starting with `#!`), after visit_installed_files of
 * lintian's `scripts` check: where the interpreter is, whether lintian knows it, whether the script
 * is executable, and whether the package's relationships provide the interpreter.
 */
import type { LintFile, LintPackage } from '../../types.js';
import { basename, isScript, readHashbang } from './hashbang.js';
import { interpreters, versionedInterpreters, type Interpreter, type VersionedInterpreter } from './interpreters.js';
import { mentions, packageRelation, parsePredicate, satisfies, type Relation } from '../../relation.js';
import { pointed } from '../../hint-text.js';

type Report = (tag: string, context: string) => void;

const EXAMPLES = /^usr\/share\/doc\/[^/]+\/examples\//;
// Files where a `#!` line is expected without the executable bit.
const NOT_EXECUTABLE_OK = [
  /^usr\/(?:lib|share)\/.*\.pm/, /^usr\/(?:lib|share)\/.*\.py/, /^usr\/(?:lib|share)\/ruby\/.*\.rb/, /^usr\/share\/debconf\/confmodule(?:\.sh)?$/,
  /\.in$/, /\.erb$/, /\.ex$/, /^etc\/init\.d\/skeleton$/, /^etc\/menu-methods/, /^usr\/share\/bash-completion\/completions\/.*/, /^etc\/X11\/Xsession\.d/,
  /^usr\/share\/doc\//, /^usr\/src\//,
];

const executable = (file: LintFile | undefined): boolean => !!file && (file.type === 'file' || file.type === 'hardlink') && (file.mode & 0o111) !== 0;

export function checkInstalledScripts(pkg: LintPackage, report: Report): void {
  let all: Relation | undefined;
  // Recommends and Suggests count here, and so do Provides and the package itself.
  const prerequisites = () => (all ??= [...packageRelation(pkg, 'all'), ...packageRelation(pkg, 'Provides'), [parsePredicate(pkg.name)]]);
  for (const file of pkg.files) {
    if (file.type !== 'file' || !file.head || !isScript(file.head, file.size)) continue;
    checkScript(pkg, file, prerequisites, report);
  }
}

function checkScript(pkg: LintPackage, file: LintFile, prerequisites: () => Relation, report: Report): void {
  const name = file.name;
  const example = EXAMPLES.test(name);
  const hint = (tag: string, ...notes: string[]) => report(example ? `example-${tag}` : tag, pointed(name, ...notes));
  if ((name.startsWith('usr/share/doc/') || name.startsWith('usr/src/')) && !example) return;
  const { interpreter, callsEnv } = readHashbang(file.head!);
  const base = basename(interpreter);
  // Python modules in dist-packages are not meant to be run; `.in` templates use @PLACEHOLDERS@.
  if (base === 'python' && name.startsWith('usr/lib/python3/dist-packages/')) return;
  if (name.endsWith('.in') && /^(@|<<)[A-Z_]+(@|>>)$/.test(interpreter)) return;
  const absolute = interpreter.startsWith('/') || callsEnv;
  const isExecutable = executable(file);
  // Policy 10.4: Perl scripts name /usr/bin/perl, never env.
  if (callsEnv && interpreter === 'perl') hint('incorrect-path-for-interpreter', '/usr/bin/env perl', '!=', '/usr/bin/perl');
  // Not executable, not absolute, not where programs live: probably not a script at all.
  if (!/(?:bin\/|etc\/init\.d\/)/.test(name) && !isExecutable && !absolute && !example) return;
  if (name.endsWith('.pm') && !isExecutable && !absolute && example) return;
  if (name.startsWith('usr/share/cargo/registry/')) return;
  if (interpreter === '') return hint('script-without-interpreter');
  if (!absolute) hint('interpreter-not-absolute', interpreter);
  if (!isExecutable && !NOT_EXECUTABLE_OK.some((r) => r.test(name))) report('script-not-executable', pointed(name));

  let data: Interpreter | VersionedInterpreter | undefined = interpreters().get(base);
  let versioned = false;
  if (!data) {
    data = versionedInterpreters().get(base);
    const stem = /^(.*[^\d.-])-?[\d.]+$/.exec(base);
    if (!data && stem) {
      const candidate = versionedInterpreters().get(stem[1]!);
      if (candidate && candidate.regex.test(base)) data = candidate;
    }
    versioned = data !== undefined;
  }
  if (data) {
    const expected = `${data.folder}/${base}`;
    if (interpreter !== expected && !callsEnv) {
      hint(expected === '/usr/bin/env perl' ? 'incorrect-path-for-interpreter' : 'wrong-path-for-interpreter', interpreter, '!=', expected);
    }
  } else if (interpreter.startsWith('/usr/local/')) hint('interpreter-in-usr-local', interpreter);
  else if (interpreter === '/bin/env') hint('script-uses-bin-env', interpreter);
  else if (interpreter === 'nodejs') {
    hint('script-uses-deprecated-nodejs-location', interpreter);
    data = interpreters().get('node');
  } else if (base.startsWith('php')) {
    // lintian has no example- variant of this tag.
    if (!example) hint('php-script-with-unusual-interpreter', interpreter);
    data = interpreters().get('php');
  } else {
    const candidates = interpreter.startsWith('/') ? [interpreter.slice(1)] : callsEnv ? [`bin/${interpreter}`, `usr/bin/${interpreter}`] : [];
    if (!candidates.some((c) => executable(pkg.byPath.get(`/${c}`)))) hint('unusual-interpreter', interpreter);
  }

  if (!data || !isExecutable || name.startsWith('usr/share/doc/') || name.startsWith('usr/src/')) return;
  checkDependency(file, base, interpreter, data, versioned, prerequisites, report);
}

function checkDependency(
  file: LintFile,
  base: string,
  interpreter: string,
  data: Interpreter | VersionedInterpreter,
  versioned: boolean,
  prerequisites: () => Relation,
  report: Report,
): void {
  const missing = (tag: string, depends: string) => report(tag, pointed(file.name, interpreter, `(does not satisfy ${depends})`));
  if (!versioned) {
    const depends = data.prerequisites;
    if (!depends || satisfies(prerequisites(), depends)) return;
    if (base.startsWith('php')) return missing('php-script-but-no-php-cli-dep', depends);
    const own = /^(python\d|ruby|[mg]awk)$/.exec(base);
    if (own) return missing(`${own[1]}-script-but-no-${own[1]}-dep`, depends);
    // Shell start-up files, and the ABI-versioned virtual packages of OCaml and Erlang.
    if (base === 'csh' && file.name.startsWith('etc/csh/login.d/')) return;
    if (base === 'fish' && file.name.startsWith('etc/fish.d/')) return;
    if (base === 'ocamlrun' && mentions(prerequisites(), /^ocaml(?:-base)?(?:-nox)?-\d\.[\d.]+/)) return;
    if (base === 'escript' && mentions(prerequisites(), /^erlang-abi-[\d+.]+$/)) return;
    return missing('missing-dep-for-interpreter', depends);
  }
  const v = data as VersionedInterpreter;
  if (versionedInterpreters().has(base)) {
    const depends = [...(v.prerequisites ? [v.prerequisites] : []), ...v.versions.map((version) => v.template.replaceAll('$1', version))].join(' | ');
    if (satisfies(prerequisites(), depends)) return;
    const shell = /^(wish|tclsh)/.exec(base);
    return missing(shell ? `${shell[1]}-script-but-no-${shell[1]}-dep` : 'missing-dep-for-interpreter', depends);
  }
  const version = v.regex.exec(base)?.[1] ?? '';
  const depends = v.template.replaceAll('$1', version);
  if (satisfies(prerequisites(), depends)) return;
  // lintian names python-script-but-no-python-dep here too, but no versioned python reaches it.
  missing(/^ruby/.test(base) ? 'ruby-script-but-no-ruby-dep' : 'missing-dep-for-interpreter', depends);
}
