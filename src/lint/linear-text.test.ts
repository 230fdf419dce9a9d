/**
 * The linear-time replacements of lintian's quadratic expressions give exactly what the
 * expressions give: each is checked against its expression on random short texts made of the
 * characters that matter to it (blanks and line ends of every kind, the separators, brackets).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE } from './checks/fields/metadata.js';
import { PKGNAME } from './checks/fields/values.js';
import { ubuntuExtra } from './checks/fields/version.js';
import { mailedAboutGpl, mentionsApacheVersion2, nameAndText } from './checks/files/copyright-licenses.js';
import { compressedLicenseReference, hasCopyrightNotice, hasOldFsfAddress } from './checks/files/copyright-text.js';
import { firstPersonWords } from './checks/fields/first-person.js';
import { keyAndValue, serviceFileLines } from './checks/systemd/unit-file.js';
import { defaultStartInComment, runsInitDScript } from './checks/systemd/systemd.js';
import { leadingSentence } from './checks/fields/description.js';
import { parenthesised } from './checks/files/changelog.js';
import { dropParenthesisedTail, execAfterSpace, findBracketed, literalThenEnd, PERL_SPACE_CLASS, removeBracketed, splitAround, thenOnSameLine, trimTrailingNewlines } from './linear-text.js';
import { isEmacsAutosave } from './checks/files/unwanted.js';
import { isHeading, looksLikeChangelog, trailerDate } from './checks/files/changelog-date.js';
import { trailingComment } from './checks/scripts/lines.js';
import { basename } from './checks/scripts/hashbang.js';
import { trailingUrl } from './checks/fields/description.js';

const text = (chars: string, maxLength = 24) => fc.string({ unit: fc.constantFrom(...chars), maxLength });
const BLANKS = ' \t\n\r\u00a0\u2028\v';
const RUNS = { numRuns: 3000 };

/**
 * `form` gives what `lintian` gives on 30,000 texts of up to `maxLength` of `pieces`, and lintian's
 * answer is a `hit` (something found) more than `minimum` times.
 */
function formAgrees<T>(lintian: (s: string) => T, form: (s: string) => T, pieces: string[], maxLength: number, hit: (want: T) => boolean, minimum = 1000): void {
  let found = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength }).map((a) => a.join('')), (s) => {
      const want = lintian(s);
      if (hit(want)) found++;
      expect(form(s)).toEqual(want);
    }),
    { numRuns: 30000 },
  );
  expect(found).toBeGreaterThan(minimum);
}

/** `form` gives the first capture of `lintian` on texts made of `pieces`, and finds something often. */
function capturesAgree(lintian: RegExp, form: (s: string) => string | undefined, pieces: string[], maxLength: number): void {
  formAgrees((s) => lintian.exec(s)?.[1], form, pieces, maxLength, (want) => want !== undefined);
}

describe('linear-time forms of lintian expressions', () => {
  it('splitAround is split(/\\s*SEP\\s*/)', () => {
    for (const sep of [',', '|']) {
      const re = new RegExp(`\\s*\\${sep}\\s*`);
      fc.assert(fc.property(text(`${BLANKS}ab,|`), (s) => {
        expect(splitAround(s, sep)).toEqual(s.split(re));
      }), RUNS);
    }
  });

  it('trim and trimEnd are lintian\'s s/^\\s+|\\s+$//g and s/\\s+$//', () => {
    fc.assert(
      fc.property(text(`${BLANKS}\ufeff\u3000a`), (s) => {
        expect(s.trim()).toBe(s.replace(/^\s+|\s+$/g, ''));
        expect(s.trimEnd()).toBe(s.replace(/\s+$/, ''));
      }),
      RUNS,
    );
  });

  it('execAfterSpace is exec of \\s* and the body', () => {
    const body = /\(\s*(<<|<=|>=|>>|[=<>])\s*([^\s(]+)\s*\)\s*/;
    const whole = /\s*\(\s*(<<|<=|>=|>>|[=<>])\s*([^\s(]+)\s*\)\s*/;
    fc.assert(
      fc.property(text(`${BLANKS}()<>=a1`, 30), (s) => {
        const a = execAfterSpace(body, s);
        const b = whole.exec(s);
        expect(a && { index: a.index, all: [...a] }).toEqual(b && { index: b.index, all: [...b] });
      }),
      RUNS,
    );
  });

  it('dropParenthesisedTail is replace(/\\s*\\(.*$/, "")', () => {
    fc.assert(fc.property(text(`${BLANKS}()a`), (s) => {
        expect(dropParenthesisedTail(s)).toBe(s.replace(/\s*\(.*$/, ''));
      }), RUNS);
  });

  it('findBracketed and removeBracketed are lintian\'s [arch] and <profile> removal', () => {
    fc.assert(
      fc.property(text(`${BLANKS}[]<>a`, 30), (s) => {
        const m = /\s*\[([^\]]+)\]\s*/.exec(s);
        const b = findBracketed(s, '[', ']');
        expect(b && { start: b.start, end: b.end, inner: b.inner }).toEqual(m ? { start: m.index, end: m.index + m[0].length, inner: m[1] } : undefined);
        // The loop lintian's Perl runs, as package-relations.ts ran it.
        let dep = s;
        for (let r = /\s*<([^>]+)>\s*/.exec(dep); dep && dep !== '0' && r; r = /\s*<([^>]+)>\s*/.exec(dep)) dep = dep.slice(0, r.index) + dep.slice(r.index + r[0].length);
        expect(s && s !== '0' ? removeBracketed(s, '<', '>') : s).toBe(dep);
      }),
      RUNS,
    );
  });

  it('leadingSentence is the capture of /(.*\\.)(?:\\s*$|\\s+\\S+)/', () => {
    fc.assert(fc.property(text(`${BLANKS}.ae`, 30), (s) => {
        expect(leadingSentence(s)).toBe(/(.*\.)(?:\s*$|\s+\S+)/.exec(s)?.[1]);
      }), RUNS);
  });

  it('the shorter tests of a sentence\'s end match the same texts', () => {
    fc.assert(
      fc.property(text(`${BLANKS}etc.g`, 12), (s) => {
        expect(/\setc\.$/.test(s)).toBe(/\s+etc\.$/.test(s));
        expect(/\se\.?g\.$/.test(s)).toBe(/\s+e\.?g\.$/.test(s));
      }),
      RUNS,
    );
  });

  it('parenthesised is the capture of /\\((.*)\\)/', () => {
    fc.assert(fc.property(text(`${BLANKS}()a`), (s) => {
        expect(parenthesised(s)).toBe(/\((.*)\)/.exec(s)?.[1]);
      }), RUNS);
  });

  it('ubuntuExtra is /^(?:[^.]+ubuntu[^.]+)(?:\\.\\d+){1,3}(\\..*)?$/s and its capture', () => {
    const re = /^(?:[^.]+ubuntu[^.]+)(?:\.\d+){1,3}(\..*)?$/s;
    const revision = fc.array(fc.constantFrom('ubuntu', 'u', 'b', '1', '.', 'x', '\n', '0'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(revision, (s) => {
        const m = re.exec(s);
        expect(ubuntuExtra(s)).toEqual(m ? { extra: m[1] } : undefined);
      }),
      RUNS,
    );
  });

  it('the Source field\'s pattern matches what lintian\'s matches', () => {
    const lintian = new RegExp(`^${PKGNAME}\\s*(?:\\((?:\\d+:)?(?:[-.+:a-zA-Z0-9~]+?)(?:-[.+a-zA-Z0-9~]+)?\\))?\\s*$`);
    const source = fc.array(fc.constantFrom('a', 'b1', '-', '.', '(', ')', '1:', '2', '-1', '~', ' ', '\t', '\n', 'X', ':'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(source, (s) => {
        expect(SOURCE.test(s)).toBe(lintian.test(s));
      }),
      RUNS,
    );
  });

  it('hasCopyrightNotice and mailedAboutGpl are lintian\'s copyright notice and quoted-mail tests', () => {
    const notice = /(?:Copyright|Copr\.|\u00a9)(?:[^\n]*|[(C):\s]+)\b\d{4}\b|\bpublic(?:\s+|-)domain\b/i;
    const mail = /(?:^From:.*^To:|^To:.*^From:).*(?:GNU General Public License|GPL)/ms;
    const pieces = ['Copyright', 'COPR.', 'copr', '\u00a9', '(C)', 'c', ':', ' ', '\n', '\r', '2024', '12345', '1', 'x', 'public', '-', 'domain', 'From:', 'To:', 'GPL', 'GNU General Public License', '\u2028'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(hasCopyrightNotice(s)).toBe(notice.test(s));
        expect(mailedAboutGpl(s)).toBe(mail.test(s));
      }),
      { numRuns: 20000 },
    );
  });

  it('keyAndValue is /^(.*)\\s*=\\s*(.*)$/ and its captures', () => {
    fc.assert(
      fc.property(text(`${BLANKS}=ab`, 16), (s) => {
        const m = /^(.*)\s*=\s*(.*)$/.exec(s);
        expect(keyAndValue(s)).toEqual(m ? [m[1], m[2]] : undefined);
      }),
      { numRuns: 20000 },
    );
  });

  it('thenOnSameLine and defaultStartInComment are lintian\'s /A.*B/ tests of script lines', () => {
    const pieces = ['if', 'which', 'command', 'xcommand', ' ', '\t', '\n', '\r', '\u2028', 'udevadm', 'adduser ', '--home ', '/var/run', 'invoke-rc.d', 'invoke-rcXd', '--skip-systemd-native', 'x', '#', 'Default-Start:', 'S'];
    const line = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(
      fc.property(line, (s) => {
        expect(thenOnSameLine(s, /\b(?:if|which|command)\s+/g, /udevadm/g)).toBe(/\b(if|which|command)\s+.*udevadm/.test(s));
        expect(thenOnSameLine(s, /adduser /g, /--home +\/var\/run/g)).toBe(/adduser .*--home +\/var\/run/.test(s));
        expect(thenOnSameLine(s, /invoke-rc.d\b/g, /--skip-systemd-native\b/g)).toBe(/invoke-rc.d\b.*--skip-systemd-native\b/.test(s));
        expect(defaultStartInComment(s)).toBe(/#.*Default-Start:.*S/.test(s));
      }),
      { numRuns: 20000 },
    );
  });

  it('literalThenEnd and isEmacsAutosave are lintian\'s file-name tests', () => {
    const pieces = ['/systemd/system/', '/systemd/system', '.service', '.socket', 'svn-commit', 'svk-commit', '.tmp', 'x', '/', '#', '\n', '\u2028', 'a'];
    const name = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(name, (s) => {
        expect(literalThenEnd(s, '/systemd/system/', '.service')).toBe(/\/systemd\/system\/.*\.service$/.test(s));
        expect(literalThenEnd(s, '/systemd/system/', '.socket')).toBe(/\/systemd\/system\/.*\.socket$/.test(s));
        expect(literalThenEnd(s, 'svn-commit', '.tmp')).toBe(/svn-commit.*\.tmp$/.test(s));
        expect(literalThenEnd(s, 'svk-commit', '.tmp', 1)).toBe(/svk-commit.+\.tmp$/.test(s));
        expect(isEmacsAutosave(s)).toBe(/#[^/]+#$/.test(s));
      }),
      { numRuns: 20000 },
    );
  });

  it('nameAndText is /^\\s*([^\\r\\n]+)\\r?\\n(.*)$/s and its captures', () => {
    fc.assert(
      fc.property(text(`${BLANKS}ab`, 16), (s) => {
        const m = /^\s*([^\r\n]+)\r?\n(.*)$/s.exec(s);
        expect(nameAndText(s)).toEqual(m ? [m[1], m[2]] : undefined);
      }),
      { numRuns: 20000 },
    );
  });

  it('looksLikeChangelog is lintian\'s test of a changelog\'s first lines', () => {
    const lintian = /^\S+\s*[(][^)]+[)]\s*(?:[^ \t;]+\s*)+;/m;
    fc.assert(
      fc.property(text(`${BLANKS}()();;ax`, 16), (s) => {
        expect(looksLikeChangelog(s)).toBe(lintian.test(s));
      }),
      { numRuns: 30000 },
    );
  });

  it('trailerDate is the capture of lintian\'s changelog trailer expression', () => {
    const lintian =
      /^ -- .* <.*>  ?((?:\w+,\s*)?\d{1,2}\s+\w+\s+\d{4}\s+\d{1,2}:\d\d:\d\d\s+[-+]\d{4}(?:\s+\([^\\()]\))?)$/;
    const pieces = [' -- ', ' <', '<', '>', ' ', '  ', 'a', 'Mon,', '13', 'Nov', '2023', '10:00:00', '+0100', ' (x)', ' (>)', '\t', '\n', '\u2028'];
    const line = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(''));
    const trailer = fc.tuple(fc.constantFrom('', 'a', ' <', '>'), fc.constantFrom('', 'Mon, ', 'x'), fc.constantFrom('', '(>)', ' (>)', ' (x)', '>')).map(
      ([a, b, c]) => ` -- M ${a}<m@x>${a} ${b}13 Nov 2023 10:00:00 +0100${c}`,
    );
    fc.assert(
      fc.property(fc.oneof(line, trailer), (s) => {
        expect(trailerDate(s)).toBe(lintian.exec(s)?.[1]);
      }),
      { numRuns: 30000 },
    );
  });

  it('trailingComment is the capture of lintian\'s comment expression on a line, as Perl runs it', () => {
    // Perl's `.` takes a carriage return, and its `\s` NEL but not U+FEFF; a line holds no `\n`.
    const perl = new RegExp(`(?:^|[^[\\\\])(?:${PERL_SPACE_CLASS}|[&;()])(#[^\\n]*$)`);
    const pieces = ['#', ' #', '# ', '[', '\\', '&', ';', '(', ')', ' ', '\t', '\r', '\x85', '\ufeff', '\u2028', 'a', 'ab'];
    capturesAgree(perl, trailingComment, pieces, 12);
    expect(trailingComment('echo hi # comment\r')).toBe('# comment\r');
  });

  it('isHeading is lintian\'s changelog heading expression', () => {
    const lintian = /^\w[-+0-9a-z.]* \([^() \t]+\)(?:\s+[-+0-9a-z.]+)+;\s*.*$/i;
    const start = fc.constantFrom('pkg (1.0-1) unstable;', 'Pkg (1) a b;', 'p (1)  x;', 'p (1) x ;', 'p (1);', 'p (1)\tx;', '', 'p (1) x', 'p x (1) y;');
    const tail = fc.array(fc.constantFrom(' ', '\t', '\r', '\n', '\u2028', 'x', ';', 'urgency=low', ' y'), { maxLength: 8 }).map((a) => a.join(''));
    let found = 0;
    fc.assert(
      fc.property(start, tail, (a, b) => {
        const want = lintian.test(a + b);
        if (want) found++;
        expect(isHeading(a + b)).toBe(want);
      }),
      { numRuns: 30000 },
    );
    expect(found).toBeGreaterThan(1000);
  });

  it('trailingUrl is the capture of lintian\'s homepage-at-the-end expression', () => {
    const pieces = ['http://', 'HTTPS://', 'https:/', 'a', 'x.org', '_', '.', '>', '>.', ' ', '\t', '\n', '\r', '\u2028', '-', 'é'];
    capturesAgree(/\b(https?:\/\/[a-z0-9][^>\s]+)>?\.?\s*$/i, trailingUrl, pieces, 10);
  });

  it('basename is the capture of lintian\'s last-segment expression', () => {
    capturesAgree(/([^/]*)\/?$/, basename, ['/', '//', 'a', 'sh', '\n', ' '], 10);
  });

  it('trimTrailingNewlines is replace(/\\n+$/, \'\')', () => {
    fc.assert(fc.property(text('\n\r a'), (s) => {
      expect(trimTrailingNewlines(s)).toBe(s.replace(/\n+$/, ''));
    }), RUNS);
  });

  it('serviceFileLines joins continuations as lintian\'s service_file_lines', () => {
    // lintian's loop: the joined line is tested for a trailing backslash and flattened again.
    const lintian = (unit: string): string[] => {
      const out: string[] = [];
      let continuation = '';
      for (const raw of unit.replace(/\n+$/, '').split('\n')) {
        let line = continuation + raw;
        continuation = '';
        if (line.endsWith('\\')) {
          continuation = line.slice(0, -1) + ' ';
          continue;
        }
        line = line.replace(/\s+$/, '');
        if (line && !/^[#;\n]/.test(line)) out.push(line);
      }
      return out;
    };
    fc.assert(fc.property(fc.array(fc.constantFrom('\\', '\n', ' ', '#', ';', 'a', 'A=b'), { maxLength: 16 }).map((a) => a.join('')), (s) => {
      expect(serviceFileLines(s)).toEqual(lintian(s));
    }), RUNS);
  });

  it('compressedLicenseReference gives the captures of lintian\'s compressed-license expression', () => {
    const lintian = /(usr\/share\/common-licenses\/([^ \t]*?)\.gz)/;
    const pieces = ['usr/share/common-licenses/', 'usr/share/', 'GPL', '.gz', '.g', 'z', ' ', '\t', '\n', '/'];
    const want = (s: string) => {
      const m = lintian.exec(s);
      return m ? { reference: m[1]!, name: m[2]! } : undefined;
    };
    formAgrees(want, compressedLicenseReference, pieces, 10, (w) => w !== undefined);
  });

  it('hasOldFsfAddress, mentionsApacheVersion2 and runsInitDScript are lintian\'s expressions', () => {
    const agree = (lintian: RegExp, form: (s: string) => boolean, pieces: string[]) => formAgrees((s) => lintian.test(s), form, pieces, 10, (w) => w, 300);
    const blanks = [' ', '\t', '\n', '\u00a0'];
    agree(/Free\s*Software\s*Foundation.*02139|02111-1307/s, hasOldFsfAddress, ['Free', 'Software', 'Foundation', '02139', '02111-1307', '0213', 'x', ...blanks]);
    agree(/\bApache License\s*,?\s*Version 2/i, mentionsApacheVersion2, ['Apache License', 'APACHE license', 'xApache License', ',', 'Version 2', 'version 2', 'Version', ...blanks]);
    agree(/^#!\s*(?:\/usr\/bin\/env)?\s*\/lib\/init\/init-d-script/, runsInitDScript, ['#!', '/usr/bin/env', '/lib/init/init-d-script', '/lib/init', 'x', ...blanks]);
  });

  it('firstPersonWords finds the words lintian\'s delete-and-search-again loop finds', () => {
    const lintian = (line: string): string[] => {
      const found: string[] = [];
      for (let rest = line, m; (m = /(?:^|\s)(I|[Mm]y|[Oo]urs?|mine|myself|me|us|[Ww]e)(?:$|\s)/.exec(rest)); ) {
        if (!found.includes(m[1]!)) found.push(m[1]!);
        rest = rest.replace(m[1]!, '');
      }
      return found;
    };
    const pieces = ['I', 'It', 'my', 'My', 'myself', 'mine', 'me', 'us', 'Ours', 'our', 'We', 'we', 'so', 'x', 'e', 'm', 'y', 'u', 's', ' ', '\t', '\u00a0'];
    formAgrees(lintian, firstPersonWords, pieces, 16, (w) => w.length > 0, 3000);
  });

  it('the comment, heading, URL, basename, newline, predicate, continuation, licence and first-person forms take linear time where the expressions are not', () => {
    // The expressions spent 27 s, 12 s, 5 s and 2 s on 80 KB texts;
    // the forms read these 1-9 MB texts once.
    expect(trailingComment(`x${'[ #'.repeat(1_000_000)}\r`)).toBeUndefined();
    expect(isHeading(`p (1) x;${' '.repeat(1_000_000)}x\ry`)).toBe(false);
    expect(trailingUrl(`${'http://a.'.repeat(1_000_000)} x`)).toBeUndefined();
    expect(basename(`/${'a'.repeat(1_000_000)}/b`)).toBe('b');
    expect(trimTrailingNewlines(`${'\n'.repeat(1_000_000)}x\n`)).toHaveLength(1_000_001);
    expect(serviceFileLines('A=b\\\n'.repeat(1_000_000) + 'c')).toHaveLength(1);
    expect(compressedLicenseReference('usr/share/common-licenses/'.repeat(100_000))).toBeUndefined();
    expect(compressedLicenseReference(`${'usr/share/common-licenses/x\t'.repeat(100_000)}a.gz`)).toBeUndefined();
    expect(hasOldFsfAddress('Free Software Foundation'.repeat(100_000))).toBe(false);
    expect(mentionsApacheVersion2(`Apache License${' '.repeat(1_000_000)}x`)).toBe(false);
    expect(runsInitDScript(`#!${' '.repeat(1_000_000)}x`)).toBe(false);
    expect(firstPersonWords(`${'It '.repeat(100_000)}${'I '.repeat(500_000)}`)).toEqual(['I']);
  });
});
