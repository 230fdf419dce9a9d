/**
 * lintian 2.116's interpreter tables, embedded verbatim (comments dropped):
 * /usr/share/lintian/data/scripts/interpreters and .../versioned-interpreters. Each row names the
 * directory an interpreter lives in and the packages that provide it.
 */

export interface Interpreter {
  folder: string;
  /** A relation the package must satisfy to use it; '' when it is always there. */
  prerequisites: string;
}

export interface VersionedInterpreter {
  folder: string;
  regex: RegExp;
  /** Relation template for one version, `$1` standing for the version. */
  template: string;
  versions: string[];
  /** The unversioned alternative, or undefined for `@SKIP_UNVERSIONED@`. */
  prerequisites?: string;
}

const INTERPRETERS_DATA = String.raw`
ash            => /bin, ash:any
awk            => /usr/bin
bash           => /bin
bltwish        => /usr/bin, blt:any
cfagent        => /usr/sbin, cfengine2:any
clisp          => /usr/bin, clisp:any
csh            => /bin, tcsh:any | csh:any | c-shell:any
cwl-runner     => /usr/bin, cwltool:any | cwl-runner:any
dash           => /bin
escript        => /usr/bin, erlang-base:any | erlang-base-hipe:any
expect         => /usr/bin, expect:any
expectk        => /usr/bin, expectk:any
falcon         => /usr/bin, falconpl:any
fish           => /usr/bin, fish:any
fontforge      => /usr/bin, fontforge-nox:any | fontforge:any
gawk           => /usr/bin, gawk:any
gbr2           => /usr/bin, gambas2-runtime:any
gbr3           => /usr/bin, gambas3-runtime:any
gbx            => /usr/bin, gambas-runtime:any
gbx2           => /usr/bin, gambas2-runtime:any
gforth         => /usr/bin, gforth:any
gjs            => /usr/bin, gjs:any
gjs-console    => /usr/bin, gjs:any
gnuplot        => /usr/bin, gnuplot:any
gosh           => /usr/bin, gauche:any
hhvm           => /usr/bin, hhvm:any
icmake         => /usr/bin, icmake:any
init-d-script  => /lib/init
install-menu   => /usr/bin
invoke-run     => /lib/runit
ir             => /usr/bin, ironruby:any
jed            => /usr/bin, jed:any
jed-script     => /usr/bin, jed:any | xjed:any
julia          => /usr/bin, julia:any
jython         => /usr/bin, jython:any
kaptain        => /usr/bin, kaptain:any
ksh            => /bin, ksh:any | mksh:any | pdksh:any | zsh:any
lefty          => /usr/bin, graphviz:any
liquidsoap     => /usr/bin, liquidsoap:any
magicfilter    => /usr/sbin, magicfilter:any
make           => /usr/bin, make:any | build-essential:any | dpkg-dev:any
mawk           => /usr/bin, mawk:any
mksh           => /bin, mksh:any
mscgen         => /usr/bin, mscgen:any
newlisp        => /usr/bin, newlisp:any
ngraph         => /usr/bin, ngraph-gtk:any
nickle         => /usr/bin, nickle:any
node           => /usr/bin, nodejs:any
ocamlrun       => /usr/bin, ocaml-base-nox:any | ocaml-base:any | ocaml-nox:any | ocaml:any
pagsh          => /usr/bin, openafs-client:any | heimdal-clients:any
parrot         => /usr/bin, parrot:any
perl           => /usr/bin
perl6          => /usr/bin, rakudo:any
perl6-m        => /usr/bin, rakudo:any
php            => /usr/bin, php-cli:any
plackup        => /usr/bin, libplack-perl:any
procmail       => /usr/bin, procmail:any
pypy3          => /usr/bin, pypy3:any
python2        => /usr/bin, python2:any | python2-minimal:any
python3        => /usr/bin, python3:any | python3-minimal:any
pforth         => /usr/bin, pforth:any
racket         => /usr/bin, racket:any
rake           => /usr/bin, rake:any
raku           => /usr/bin, rakudo:any
r              => /usr/bin, littler:any | r-cran-littler:any
rackup         => /usr/bin, ruby-rack:any
rc             => /usr/bin, rc:any
regina         => /usr/bin, regina-rexx:any
rep            => /usr/bin, rep:any
rexx           => /usr/bin, regina-rexx:any
rrdcgi         => /usr/bin, rrdtool:any
Rscript        => /usr/bin, r-base-core:any
ruby           => /usr/bin, ruby:any
run            => /lib/runit/invoke, runit:any (>= 2.1.2-23)
runhaskell     => /usr/bin, ghc:any | ghc6:any
runhugs        => /usr/bin, hugs:any | hugs98:any
sed            => /bin
seed           => /usr/bin, seed:any
sh             => /bin
slsh           => /usr/bin, slsh:any
speedy         => /usr/bin, speedy-cgi-perl:any
stap           => /usr/bin, systemtap:any
swipl          => /usr/bin, swi-prolog:any | swi-prolog-nox:any
tcsh           => /bin, tcsh:any
texlua         => /usr/bin, texlive-binaries:any (>= 2014.20140512.33982)
tixwish        => /usr/bin, tix:any
trs            => /usr/bin, konwert:any
xjed           => /usr/bin, xjed:any
yforth         => /usr/bin, yforth:any
yorick         => /usr/bin, yorick:any
zsh            => /bin, zsh:any | zsh-beta:any
`;

const VERSIONED_DATA = String.raw`
guile   => /usr/bin, guile-([\d.]+), guile-$1:any, 2.2 3.0, guile:any
jruby   => /usr/bin, jruby([\d.]+), jruby$1:any, 1.0 1.1 1.2, jruby:any
lua     => /usr/bin, lua([\d.]+), lua$1:any, 40 50 5.1 5.2, lua:any
octave  => /usr/bin, octave([\d.]+), octave$1:any, 3.0 3.2, octave:any
pike    => /usr/bin, pike([\d.]+), pike$1:any | pike$1-core:any, 7.6 7.8
python2 => /usr/bin, python([\d.]+), python$1:any | python$1-minimal:any, 2.7, @SKIP_UNVERSIONED@
python3 => /usr/bin, python3([\d.]+), python3$1:any | python3$1-minimal:any, 3.4 3.5 3.7 3.8, @SKIP_UNVERSIONED@
ruby    => /usr/bin, ruby([\d.]+), ruby$1:any, 1.8 1.9, @SKIP_UNVERSIONED@
runghc  => /usr/bin, runghc(\d+), ghc$1:any, 6, ghc:any
scsh    => /usr/bin, scsh-([\d.]+), scsh-$1:any, 0.6, scsh:any
tclsh   => /usr/bin, tclsh([\d.]+), tcl$1:any, 8.3 8.4 8.5 8.6, tclsh:any | tcl:any
wish    => /usr/bin, wish([\d.]+), tk$1:any, 8.3 8.4 8.5 8.6, wish:any | tk:any
`;

const rows = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [key, rest] = l.split(/\s*=>\s*/, 2) as [string, string];
      return [key.trim(), rest.trim()] as const;
    });

/** Perl's split with a limit: the last field keeps the rest of the text. */
function splitFields(text: string, count: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (out.length < count - 1) {
    const m = /\s*,\s*/.exec(rest);
    if (!m) break;
    out.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  out.push(rest);
  return out;
}

let unversioned: Map<string, Interpreter> | undefined;
let versioned: Map<string, VersionedInterpreter> | undefined;

export function interpreters(): Map<string, Interpreter> {
  unversioned ??= new Map(
    rows(INTERPRETERS_DATA).map(([key, rest]) => {
      const [folder, prerequisites = ''] = splitFields(rest, 2);
      return [key, { folder: folder!, prerequisites }];
    }),
  );
  return unversioned;
}

export function versionedInterpreters(): Map<string, VersionedInterpreter> {
  versioned ??= new Map(
    rows(VERSIONED_DATA).map(([key, rest]) => {
      const [folder, pattern, template, versions, prerequisites = ''] = splitFields(rest, 5);
      return [
        key,
        {
          folder: folder!,
          regex: new RegExp(`^${pattern}$`),
          template: template!,
          versions: versions!.split(/\s+/),
          ...(prerequisites === '@SKIP_UNVERSIONED@' ? {} : { prerequisites }),
        },
      ];
    }),
  );
  return versioned;
}
