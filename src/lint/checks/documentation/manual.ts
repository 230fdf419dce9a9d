/**
 * Manual pages, after lintian's documentation/manual: where pages live, how they are named and
 * compressed, links to undocumented(7), what is inside them (manual-page-text.ts, spelling
 * included), and whether every command in a bin or sbin directory has one. lintian also pairs
 * commands and pages across packages of one source given together; debship looks at each
 * package alone.
 */
import { pointed } from '../../hint-text.js';
import { perlFields } from '../../linear-text.js';
import { isUdeb } from '../../package-identity.js';
import { spellingExceptions } from '../../spelling.js';
import type { Check, TagInfo } from '../../types.js';
import { tag } from '../fields/tag.js';
import { installed, isExecutable, isFile, type Item } from '../files/installed.js';
import { gzipType } from '../files/text.js';
import { checkPageText } from './manual-page-text.js';
import { byCodeUnits } from '../../../core/compare.js';

const CHECK = 'documentation/manual';
const t = (name: string, severity: TagInfo['severity'], explanation: string, fix: string) => tag(name, severity, CHECK, explanation, fix);
const GZIP = 'compress the page with `gzip -9n` before listing it in contents';
const PLACE = 'install the page as /usr/share/man/man<N>/<name>.<N>.gz, N being its section';

const TAGS: TagInfo[] = [
  t('stray-folder-in-manual', 'error', 'A directory under /usr/share/man is neither a language directory nor a man<N> section directory.', PLACE),
  t('executable-manual-page', 'error', 'A manual page is executable.', 'give the contents entry mode 0644'),
  t('odd-place-for-manual-page', 'error', 'A manual page is outside a man<N> directory, or its name gives another section than its directory.', PLACE),
  t('build-path-in-manual', 'error', 'A manual page path holds a build directory name (_build_, _tmp_buildd).', 'fix the dst of the page in contents'),
  t('manual-page-with-generic-name', 'error', 'A manual page is named README.*, which says nothing about what it documents.', 'name the page after the command or file it documents'),
  t('country-in-manual', 'warning', 'Manual pages are sorted by language (de/), not by language and country (de_DE/), except pt_BR and zh_*.', 'install the translated page under /usr/share/man/<language>/'),
  t('uncompressed-manual-page', 'error', 'Manual pages must be installed gzip-compressed.', GZIP),
  t('wrong-compression-in-manual-page', 'error', 'A manual page named .gz is not gzip data.', GZIP),
  t('poor-compression-in-manual-page', 'error', 'A manual page is compressed below gzip’s maximum level.', GZIP),
  t('wrong-name-for-manual-page', 'error', 'A manual page name must be <name>.<section>[.gz], the section starting with a digit.', PLACE),
  t('undocumented-manual-page', 'warning', 'A manual page is a link to undocumented(7): the command has no real documentation.', 'write a manual page for the command (help2man can start one from --help output)'),
  t('broken-link-to-undocumented', 'error', 'A link to undocumented(7) does not point where that page is installed.', 'point the link at ../man7/undocumented.7.gz, or better, write a real page'),
  t('empty-manual-page', 'error', 'A manual page has no content.', 'write the page, or leave it out of contents'),
  t('bad-so-link-within-manual-page', 'error', 'A page that only sources another (.so) must name it as man<N>/page (or <language>/man<N>/page).', 'write the .so line as `.so man<N>/<page>.<N>`, or install a symbolic link instead'),
  t('wrong-manual-section', 'warning', 'The section in the page’s .TH line differs from the one its file name gives.', 'make the .TH section and the file name agree'),
  t('FSSTND-dir-in-manual-page', 'info', 'A manual page mentions a directory of the obsolete FSSTND (/usr/doc, /var/adm …).', 'refer to the FHS location (/usr/share/doc, /var/log …)'),
  t('pod-conversion-message', 'warning', 'The page has a POD ERRORS section: pod2man found errors in the POD it was made from.', 'fix the POD source and regenerate the page'),
  t('python-traceback-in-manpage', 'error', 'The page holds a Python traceback: the program that generated it (help2man, argparse-manpage) failed.', 'fix the generator run and regenerate the page'),
  t('typo-in-manual-page', 'info', 'An English manual page has a word lintian knows as a common misspelling.', 'correct the word in the page source'),
  t('acute-accent-in-manual-page', 'info', 'The page has \\\' (an acute accent in roff); an apostrophe is written \' or \\(aq.', 'replace \\\' with \\(aq (or \') in the page source'),
  t('manual-page-for-system-command', 'pedantic', 'A command in an sbin directory has its page in section 1; system commands belong in section 8.', 'install the page as /usr/share/man/man8/<command>.8.gz'),
  t('no-english-manual-page', 'warning', 'A command has manual pages in other languages only.', 'add the English page under /usr/share/man/man<N>/'),
  t('no-manual-page', 'warning', 'Every command in /usr/bin, /usr/sbin, /usr/games or /usr/libexec needs a manual page.', 'add a contents entry for /usr/share/man/man1/<command>.1.gz (man8 for sbin), or move helper programs to /usr/lib/<package>/'),
  t('spare-manual-page', 'info', 'A section 1 or 8 page documents no command the package ships.', 'drop the page from contents, or install the command it documents'),
];

const USER_DIRS = new Set(['bin/', 'usr/bin/', 'usr/bin/X11/', 'usr/bin/mh/', 'usr/games/']);
const ADMIN_DIRS = new Set(['sbin/', 'usr/sbin/', 'usr/libexec/']);
const USER_SECTION = 1;
const SYSTEM_SECTION = 8;

const UNDOCUMENTED_TARGETS = [
  /^\.\.\/man[237]\/undocumented\.[237]\.gz$/,
  /^\.\.\/\.\.\/man\/man[237]\/undocumented\.[237]\.gz$/,
  /^\.\.\/\.\.\/\.\.\/share\/man\/man[237]\/undocumented\.[237]\.gz$/,
  /^\.\.\/\.\.\/\.\.\/\.\.\/usr\/share\/man\/man[237]\/undocumented\.[237]\.gz$/,
];

interface Page {
  item: Item;
  language: string;
  /** The section its directory gives. */
  section: number;
}

type Hint = (tag: string, context: string) => void;

/** A link to undocumented(7) must point where that page is. */
function undocumentedLink(item: Item, hint: Hint): void {
  if (!/(?:^|\/)undocumented/.test(item.link)) return;
  const same = /^undocumented\.([237])\.gz/.exec(item.link);
  const ok = (same && item.dirname.startsWith(`usr/share/man/man${same[1]}`)) || UNDOCUMENTED_TARGETS.some((r) => r.test(item.link));
  hint(ok ? 'undocumented-manual-page' : 'broken-link-to-undocumented', pointed(item.name));
}

/** One installed item, as lintian's visit_installed_files; pages found are added to `pages` under the command they name. */
function visit(item: Item, pages: Map<string, Page[]>, spelling: ReadonlySet<string>, hint: Hint): void {
  const report = (name: string) => hint(name, pointed(item.name));
  if (/^usr\/share\/man\/\S/.test(item.name)) {
    if (item.type === 'dir') {
      if (!/^usr\/(?:X11R6|share)\/man\/(?:[^/]+\/)?(?:man\d\/)?$/.test(item.name)) report('stray-folder-in-manual');
    } else if (isFile(item) && isExecutable(item)) report('executable-manual-page');
  }
  if (!isFile(item) && item.type !== 'symlink') return;

  const page = item.basename;
  if (item.dirname === 'usr/share/man/' && page !== '') return report('odd-place-for-manual-page');
  const subdir = /^usr\/share\/man(\/\S+)/.exec(item.dirname)?.[1];
  if (subdir === undefined) return;

  if (item.name.includes('/_build_') || item.name.includes('_tmp_buildd')) report('build-path-in-manual');
  if (item.name.includes('/README.')) report('manual-page-with-generic-name');

  const section = /^.*man(\d)\/$/.exec(subdir)?.[1];
  if (section === undefined) return report('odd-place-for-manual-page');
  const language = /^\/([^/]+)\/man\d\/$/.exec(subdir)?.[1] ?? '';
  if (language.includes('_') && !/^(?:pt_BR|zh_[A-Z][A-Z])$/.test(language)) report('country-in-manual');

  // Perl's split(/\./): trailing empty pieces dropped; the last piece is the extension.
  const pieces: Array<string | undefined> = perlFields(page.split('.'));
  const ext = pieces.pop();
  if (ext !== 'gz') {
    pieces.push(ext);
    report('uncompressed-manual-page');
  } else if (isFile(item)) {
    const type = gzipType(item.name, item.data);
    if (!type.gzip) report('wrong-compression-in-manual-page');
    else if (!type.maxCompression) report('poor-compression-in-manual-page');
  }

  const fnSection = pieces.pop() ?? '';
  const digit = /^(\d)[^\n]*\n?$/.exec(fnSection)?.[1];
  if (pieces.length > 0 && digit !== undefined) {
    const command = pieces.join('.');
    const list = pages.get(command) ?? [];
    list.push({ item, language, section: Number(section) });
    pages.set(command, list);
    if (Number(digit) !== Number(section)) report('odd-place-for-manual-page');
  } else report('wrong-name-for-manual-page');

  if (item.type === 'symlink') undocumentedLink(item, hint);
  // only English pages are spell-checked: mandb does not index the others (Bug#29448)
  else checkPageText(item, fnSection, /\/man\/man\d\//.test(item.dirname) ? spelling : undefined, hint);
}

/**
 * `^<command>(?:\b|_)` as lintian builds it: the command's name is a Perl pattern there, where
 * `.` and `+` are operators and `++` a possessive `+` (which matches the same here). A name with
 * any other operator is taken literally: a package could otherwise make the check run for hours
 * (`(a|a)*\1`), or lintian die on a pattern it cannot compile.
 */
export function subcommandPattern(command: string): RegExp | undefined {
  const source = /^[\w.+-]+$/.test(command) ? command.replace(/\+\+/g, '+') : command.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  try {
    return new RegExp(`^${source}(?:\\b|_)`);
  } catch {
    return undefined; // `+` with nothing to repeat, which perl refuses too
  }
}

const isAsciiWord = (c: string | undefined): boolean => c !== undefined && /\w/.test(c);

/**
 * Whether a page name starts with one of the commands followed by a word boundary or `_`, as
 * subcommandPattern's expressions say, without running one expression per command on every
 * spare page (a package with thousands of each would take minutes): a name without `.` or `+`
 * is only a prefix, looked up at each boundary of the page name.
 */
export function subcommandMatcher(commands: string[]): (page: string) => boolean {
  const plain = new Set<string>();
  const patterns: RegExp[] = [];
  for (const command of commands) {
    if (/[.+]/.test(command)) {
      const pattern = subcommandPattern(command);
      if (pattern) patterns.push(pattern);
    } else plain.add(command);
  }
  return (page) => {
    for (let end = 1; end <= page.length; end++) {
      const boundary = isAsciiWord(page[end - 1]) !== isAsciiWord(page[end]) || page[end] === '_';
      if (boundary && plain.has(page.slice(0, end))) return true;
    }
    return patterns.some((p) => p.test(page));
  };
}

/** Commands against pages, as lintian's installable: missing, non-English, misplaced and spare pages. */
function commandsAndPages(items: readonly Item[], pages: Map<string, Page[]>, hint: Hint): void {
  const user = new Map<string, Item>();
  const admin = new Map<string, Item>();
  // lintian walks the sorted list, so the last of two same-named commands wins
  const sorted = items.filter((i) => isFile(i) || i.type === 'symlink').sort((a, b) => byCodeUnits(a.name, b.name));
  for (const item of sorted) {
    if (USER_DIRS.has(item.dirname)) user.set(item.basename, item);
    if (ADMIN_DIRS.has(item.dirname)) admin.set(item.basename, item);
  }
  const commands = new Map([...user, ...admin]);

  for (const [command, item] of admin) {
    if (item.type === 'file' && (pages.get(command) ?? []).some((p) => p.section === USER_SECTION)) {
      hint('manual-page-for-system-command', pointed(item.name));
    }
  }
  for (const [command, item] of commands) {
    const found = pages.get(command);
    if (!found) hint('no-manual-page', pointed(item.name));
    else if (!found.some((p) => p.language === '')) hint('no-english-manual-page', pointed(item.name));
  }

  const documentsCommand = subcommandMatcher([...commands.keys()]);
  for (const [name, list] of pages) {
    if (commands.has(name) || documentsCommand(name)) continue;
    for (const page of list) {
      if (page.section === USER_SECTION || page.section === SYSTEM_SECTION) hint('spare-manual-page', pointed(page.item.name));
    }
  }
}

export const manualCheck: Check = {
  name: CHECK,
  tags: TAGS,
  wantsContent: ({ path }) => path.startsWith('/usr/share/man/'),
  run({ pkg, report }) {
    if (isUdeb(pkg)) return; // no manual pages in udebs
    const { items } = installed(pkg);
    const pages = new Map<string, Page[]>();
    const spelling = spellingExceptions(pkg);
    for (const item of items) visit(item, pages, spelling, report);
    commandsAndPages(items, pages, report);
  },
};
