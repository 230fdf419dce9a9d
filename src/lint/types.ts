/**
 * The lint domain: tags (lintian's vocabulary), findings, checks, and the read-only view of a
 * package every check works on. Checks are plain objects registered explicitly in registry.ts.
 */
import type { DebEntry } from '../deb/types.js';
import type { ElfInfo } from './elf/types.js';
import type { ShellSyntax } from './shell-syntax.js';

/** lintian's severities; `classification` tags are facts, never failures. */
export type Severity = 'error' | 'warning' | 'info' | 'pedantic' | 'classification';

export interface TagInfo {
  /** lintian's current tag name. */
  name: string;
  severity: Severity;
  /** The lintian check that emits it, e.g. `fields/description`. */
  check: string;
  /** lintian's older names for this tag; accepted wherever a user names a tag. */
  renamedFrom?: string[];
  /** What the tag means, in a sentence or two (our words). */
  explanation: string;
  /** How to fix it, in debship.yaml terms when debship built the package. */
  fix?: string;
  /**
   * One of lintian's experimental tags: reported only on request (`-E`), shown as `X:`, and
   * counted by `--fail-on experimental` rather than by its severity.
   */
  experimental?: true;
}

export interface Finding {
  package: string;
  severity: Severity;
  tag: string;
  /** lintian's context text, e.g. `[usr/bin/foo]` or `python3 -> python3 (>= 3.11)`. */
  context: string;
  /**
   * Hidden by one of lintian's screens (a tag's known exception, such as OCaml plugins for
   * shared-library-lacks-prerequisites): never shown and never failing, but, as in lintian, it
   * still uses the overrides that match it and makes others of its tag mismatched, not unused.
   */
  masked?: true;
  /** Its tag is experimental (TagInfo.experimental). */
  experimental?: true;
}

/** A data.tar entry as the checks see it: what the .deb reader gives, plus what the loader derived. */
export interface LintFile extends DebEntry {
  /** As lintian prints it: no leading slash, directories with a trailing slash (`usr/lib/foo/`). */
  name: string;
  /** Regular files: MD5 of the content, lowercase hex. */
  md5?: string;
  /** Regular files: the first bytes (up to 4 KiB), for magic numbers and `#!` lines. */
  head?: Buffer;
  /** Regular files some check asked for (see Check.wantsContent), capped by the loader. */
  content?: Buffer;
  /** Parsed ELF structure when the file is an ELF object. */
  elf?: ElfInfo;
}

/** A control.tar member other than `control`, with its text and tar metadata. */
export interface ControlMember extends Pick<DebEntry, 'mode' | 'owner' | 'group' | 'uid' | 'gid' | 'size'> {
  name: string;
  /** The member decoded as UTF-8. */
  text: string;
  /** Its bytes, for checks that read it as lintian does, undecoded. */
  bytes: Buffer;
}

export interface LintPackage {
  /** The .deb path as given by the user. */
  file: string;
  name: string;
  version: string;
  architecture: string;
  /** Control fields in file order; use `field()` for case-insensitive lookups. */
  fields: Array<[string, string]>;
  field(name: string): string | undefined;
  /** Members of control.tar except `control` itself: md5sums, conffiles, scripts, triggers… */
  controlMembers: Map<string, ControlMember>;
  /** Every data.tar entry in archive order. */
  files: LintFile[];
  /** Lookup by normalised absolute path (`/usr/bin/foo`). */
  byPath: Map<string, LintFile>;
  /** ar members in order, with sizes. */
  members: Array<{ name: string; size: number }>;
}

export interface CheckContext {
  pkg: LintPackage;
  /** Reports a tag for this package; unknown tag names throw (a bug in the check). */
  report(tag: string, context?: string, how?: { masked: boolean }): void;
  /** The run's judge of shell script syntax (`sh -n`, `bash -n`). */
  shells: ShellSyntax;
}

export interface Check {
  /** lintian's check name (e.g. `files/permissions`); several of ours may share one. */
  name: string;
  tags: TagInfo[];
  /** Asks the loader to keep the whole content of matching regular files (bounded). */
  wantsContent?(file: { path: string; size: number; head: Buffer }): boolean;
  /**
   * A check that waits on another process returns a promise; the other checks run meanwhile, and
   * the package's findings are complete once every promise has settled.
   */
  run(ctx: CheckContext): void | Promise<void>;
}
