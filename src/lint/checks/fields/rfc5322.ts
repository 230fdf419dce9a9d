/**
 * RFC 5322 address lists as lintian reads them (through Perl's Email::Address::XS, which embeds
 * Dovecot's lenient parser): the same split into phrase, user and host, the same notion of
 * "valid", the same `original` slice of the input and the same canonical `format`. lintian's
 * Maintainer tags quote those strings, so they must come out identical; a test compares this
 * parser with the Perl module on many inputs.
 */

export interface ParsedAddress {
  phrase?: string;
  user?: string;
  host?: string;
  comment?: string;
  /** The slice of the input this address was parsed from. */
  original: string;
  /** Email::Address::XS's is_valid: no syntax error, a user and a non-empty host. */
  valid: boolean;
}

interface Raw {
  name?: string;
  route?: string;
  mailbox?: string;
  domain?: string;
  comment?: string;
  original?: string;
  invalid: boolean;
}

/** RFC 5322 atext: printable ASCII except specials, and every non-ASCII character. */
function isAtext(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code >= 128) return true;
  if (code <= 32 || code === 127) return false;
  return !'()<>[]:;@\\,."'.includes(c);
}

/**
 * A parse step's outcome, as in Dovecot: 1 more input follows, 0 input ended, -1 invalid, and
 * -2 a problem (stray dots, bare CR/LF) that Email::Address::XS tolerates but marks invalid.
 */
type Step = 1 | 0 | -1 | -2;

/** A -2 is carried on, as Email::Address::XS parses with "non-strict dots as invalid". */
const failed = (r: Step): boolean => r < 0 && r !== -2;

class Parser {
  pos = 0;
  /** Text gathered by the token parsers. */
  buf = '';
  lastComment = '';
  addr: Raw = { invalid: false };
  readonly out: Raw[] = [];

  constructor(readonly s: string) {}

  get more(): boolean {
    return this.pos < this.s.length;
  }

  /** The current character (a method, so that TypeScript does not narrow it across moves). */
  c(): string | undefined {
    return this.s[this.pos];
  }

  status(): 1 | 0 {
    return this.more ? 1 : 0;
  }

  skipComment(): Step {
    let level = 1;
    this.lastComment = '';
    let start = ++this.pos;
    for (; this.more; this.pos++) {
      const c = this.c();
      if (c === '\0') return -1;
      if (c === '(') level++;
      else if (c === ')') {
        if (--level === 0) {
          this.lastComment += this.s.slice(start, this.pos);
          this.pos++;
          return this.status();
        }
      } else if (c === '\n') {
        let end = this.pos;
        if (end > start && this.s[end - 1] === '\r') end--;
        this.lastComment += this.s.slice(start, end);
        start = this.pos + 1;
      } else if (c === '\\') {
        this.pos++;
        if (!this.more) return -1;
        this.lastComment += this.s.slice(start, this.pos - 1);
        start = this.pos;
      }
    }
    return -1;
  }

  skipLwsp(): Step {
    while (this.more) {
      const c = this.c();
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
        this.pos++;
        continue;
      }
      if (c !== '(') break;
      if (this.skipComment() < 0) return -1;
    }
    return this.status();
  }

  atom(): Step {
    if (!isAtext(this.c())) return -1;
    const start = this.pos++;
    for (; this.more; this.pos++) {
      if (isAtext(this.c())) continue;
      this.buf += this.s.slice(start, this.pos);
      return this.skipLwsp();
    }
    this.buf += this.s.slice(start, this.pos);
    return 0;
  }

  /** Atoms joined by dots, whitespace allowed around them (RFC 822); doubled or trailing dots are a -2. */
  dotAtom(stopTrailingDot: boolean): Step {
    if (!isAtext(this.c())) return -1;
    let lastDot = this.pos;
    let lastIsDot = false;
    let dotProblem = false;
    let r: Step = 0;
    let start = this.pos++;
    while (this.more) {
      if (isAtext(this.c())) {
        this.pos++;
        continue;
      }
      this.buf += this.s.slice(start, this.pos);
      if (this.pos > start) lastIsDot = false;
      r = this.skipLwsp();
      if (r <= 0) return dotProblem && r >= 0 ? -2 : r;
      if (this.c() !== '.') {
        if (lastIsDot && stopTrailingDot) {
          this.pos = lastDot;
          return dotProblem ? -2 : 1;
        }
        return lastIsDot || dotProblem ? -2 : 1;
      }
      if (lastIsDot) dotProblem = true;
      lastDot = this.pos++;
      this.buf += '.';
      lastIsDot = true;
      // Dovecot answers with the status of the previous skip here; so do we.
      if (this.skipLwsp() <= 0) return dotProblem && r >= 0 ? -2 : r;
      start = this.pos;
    }
    this.buf += this.s.slice(start, this.pos);
    return dotProblem ? -2 : 0;
  }

  quotedString(): Step {
    let problem = false;
    let start = ++this.pos;
    for (; this.more; this.pos++) {
      const c = this.c();
      if (c === '\0') problem = true;
      else if (c === '"') {
        this.buf += this.s.slice(start, this.pos);
        this.pos++;
        const r = this.skipLwsp();
        return problem && r >= 0 ? -2 : r;
      } else if (c === '\r') {
        if (this.pos + 1 < this.s.length && this.s[this.pos + 1] !== '\n') problem = true;
      } else if (c === '\n') {
        if (this.pos <= start || this.s[this.pos - 1] !== '\r') problem = true;
      } else if (c === '\\') {
        this.pos++;
        if (!this.more) return -1;
        this.buf += this.s.slice(start, this.pos - 1) + this.c();
        start = this.pos + 1;
      }
    }
    return -1;
  }

  atomOrDot(): Step {
    const start = this.pos;
    for (; this.more; this.pos++) {
      if (isAtext(this.c()) || this.c() === '.') continue;
      this.buf += this.s.slice(start, this.pos);
      return this.skipLwsp();
    }
    this.buf += this.s.slice(start, this.pos);
    return 0;
  }

  phrase(): Step {
    let problem = false;
    if (!this.more) return 0;
    if (this.c() === '.') return -1;
    for (;;) {
      const r = this.c() === '"' ? this.quotedString() : this.atomOrDot();
      if (r <= 0 && r !== -2) return problem && r === 0 ? -2 : r;
      if (r === -2) {
        problem = true;
        if (!this.more) return -2;
      }
      if (!isAtext(this.c()) && this.c() !== '"' && this.c() !== '.') break;
      this.buf += ' ';
    }
    const r = this.skipLwsp();
    return problem && r >= 0 ? -2 : r;
  }

  domainLiteral(): Step {
    let start = this.pos++;
    for (; this.more; this.pos++) {
      const c = this.c();
      if (c === '\0' || c === '[') return -1;
      if (c === ']') {
        this.buf += this.s.slice(start, this.pos + 1);
        this.pos++;
        return this.skipLwsp();
      }
      if (c === '\n') {
        let end = this.pos;
        if (end > start && this.s[end - 1] === '\r') end--;
        this.buf += this.s.slice(start, end);
        start = this.pos + 1;
      } else if (c === '\\') {
        this.pos++;
        if (!this.more) return -1;
      }
    }
    return -1;
  }

  /** At '@'. */
  domain(): Step {
    this.pos++;
    if (this.skipLwsp() <= 0) return -1;
    return this.c() === '[' ? this.domainLiteral() : this.dotAtom(false);
  }
}

function parseLocalPart(p: Parser): Step {
  p.buf = '';
  let problem = false;
  let r: Step = 0;
  while (p.more) {
    r = p.c() === '"' ? p.quotedString() : p.dotAtom(true);
    if (failed(r)) return -1;
    if (r === -2) problem = true;
    if (!p.more) break;
    if ((r = p.skipLwsp()) <= 0) break;
    if (p.c() !== '.') break;
    p.pos++;
    if (!p.more) {
      problem = true;
      break;
    }
    if ((r = p.skipLwsp()) <= 0) break;
    if (!p.more || p.c() === '@') {
      problem = true;
      break;
    }
  }
  if (problem || r < 0) p.addr.invalid = true;
  p.addr.mailbox = p.buf;
  return r;
}

function parseDomain(p: Parser): Step {
  p.buf = '';
  const r = p.domain();
  if (failed(r)) return -1;
  p.addr.domain = p.buf;
  return r;
}

function parseDomainList(p: Parser): Step {
  p.buf = '';
  let problem = false;
  for (;;) {
    if (!p.more) return problem ? -2 : 0;
    if (p.c() !== '@') break;
    if (p.buf.length) p.buf += ',';
    p.buf += '@';
    const r = p.domain();
    if (r <= 0 && r !== -2) return r;
    if (r === -2) problem = true;
    while (p.skipLwsp() > 0 && p.c() === ',') p.pos++;
  }
  p.addr.route = p.buf;
  return problem ? -2 : 1;
}

function parseAngleAddr(p: Parser): Step {
  p.pos++;
  if (p.skipLwsp() <= 0) return -1;
  if (p.c() === '@') {
    const r = parseDomainList(p);
    if (r > 0 && p.c() === ':') p.pos++;
    else {
      p.addr.invalid = true;
      if (!p.more) return -1;
      if (r === -2) p.pos++;
    }
    if (p.skipLwsp() <= 0) return -1;
  }
  if (p.c() !== '>') {
    let r = parseLocalPart(p);
    if (r <= 0 && r !== -2) return -1;
    if (r === -2) p.addr.invalid = true;
    if (!p.more) return 0;
    if (p.c() === '@') {
      r = parseDomain(p);
      if (r <= 0 && r !== -2) return -1;
      if (r === -2) p.addr.invalid = true;
      if (!p.more) return 0;
    }
  }
  if (p.c() !== '>') return -1;
  p.pos++;
  return p.skipLwsp();
}

function parseNameAddr(p: Parser): Step {
  p.buf = '';
  const r = p.phrase();
  if ((r <= 0 && r !== -2) || p.c() !== '<') return -1;
  if (r === -2) p.addr.invalid = true;
  p.addr.name = p.buf.length ? p.buf : undefined;
  p.lastComment = '';
  if (parseAngleAddr(p) < 0) p.addr.invalid = true;
  if (p.lastComment.length) p.addr.comment = p.lastComment;
  return p.status();
}

function parseAddrSpec(p: Parser): Step {
  p.lastComment = '';
  let r = parseLocalPart(p);
  let r2: Step | undefined;
  if (r <= 0) p.addr.invalid = true;
  if (r !== 0 && p.more && p.c() === '@') {
    r2 = parseDomain(p);
    if (r2 <= 0 && r !== -2) r = r2;
    if (r2 === -2) {
      p.addr.invalid = true;
      if (!p.more) r = 0;
    }
  }
  if (p.lastComment.length) p.addr.comment = p.lastComment;
  return r;
}

function addFixed(p: Parser): void {
  if (p.addr.mailbox === undefined) {
    p.addr.mailbox = '';
    p.addr.invalid = true;
  }
  if (!p.addr.domain) {
    p.addr.domain = '';
    p.addr.invalid = true;
  }
  p.out.push(p.addr);
  p.addr = { invalid: false };
}

function parseMailbox(p: Parser): Step {
  const start = p.pos;
  let r = parseNameAddr(p);
  if (r < 0) {
    // Not `phrase <addr>`: read it again as a bare addr-spec (the invalid flag stays).
    p.addr = { invalid: p.addr.invalid };
    p.pos = start;
    r = parseAddrSpec(p);
    if (p.addr.invalid && p.addr.name === undefined && p.addr.mailbox !== undefined && p.addr.domain === undefined) {
      p.addr.name = p.addr.mailbox;
      p.addr.mailbox = undefined;
    }
  }
  if (r < 0) p.addr.invalid = true;
  p.addr.original = p.s.slice(start, p.pos);
  addFixed(p);
  return r;
}

function parseGroup(p: Parser): Step {
  p.buf = '';
  let r = p.phrase();
  if ((r <= 0 && r !== -2) || p.c() !== ':') return -1;
  if (r === -2) p.addr.invalid = true;
  p.pos++;
  r = p.skipLwsp();
  if (r <= 0) p.addr.invalid = true;
  // The group's start marker (a name and no domain), which Email::Address::XS does not return.
  p.out.push({ ...p.addr, mailbox: p.buf, domain: undefined });
  p.addr = { invalid: false };
  if (r > 0 && p.c() !== ';') {
    for (;;) {
      parseMailbox(p);
      if (!p.more || p.c() !== ',') break;
      p.pos++;
      if (p.skipLwsp() <= 0) {
        r = -1;
        break;
      }
    }
  }
  if (r >= 0) {
    if (!p.more || p.c() !== ';') r = -1;
    else {
      p.pos++;
      r = p.skipLwsp();
    }
  }
  if (r < 0) p.addr.invalid = true;
  p.out.push({ ...p.addr, domain: undefined });
  p.addr = { invalid: false };
  return r === 0 ? 0 : 1;
}

function parseAddress(p: Parser): Step {
  const start = p.pos;
  const r = parseGroup(p);
  if (r >= 0) return r;
  p.pos = start;
  return parseMailbox(p);
}

/** Email::Address::XS->parse in list context: every address of the list, groups flattened. */
export function parseAddressList(input: string): ParsedAddress[] {
  const p = new Parser(input);
  if (p.skipLwsp() <= 0) return [];
  for (;;) {
    if (parseAddress(p) === 0) break;
    if (!p.more || p.c() !== ',') {
      // Anything but a comma after an address makes the address before it invalid.
      p.out.at(-1)!.invalid = true;
      break;
    }
    p.pos++;
    const start = p.pos;
    const r = p.skipLwsp();
    if (r <= 0) {
      if (r < 0) {
        // Trailing garbage after the last comma becomes one more (invalid) address.
        p.addr.original = p.s.slice(start, p.pos);
        addFixed(p);
      }
      break;
    }
  }
  return p.out
    .filter((a) => a.domain !== undefined)
    .map((a) => ({
      ...(a.name !== undefined ? { phrase: a.name } : {}),
      // The Perl layer reads the C strings: one starting with NUL counts as missing.
      ...(a.mailbox && !a.mailbox.startsWith('\0') ? { user: a.mailbox } : {}),
      ...(a.domain && !a.domain.startsWith('\0') ? { host: a.domain } : {}),
      ...(a.comment !== undefined ? { comment: a.comment } : {}),
      original: a.original ?? '',
      valid: !a.invalid && !!a.mailbox && !a.mailbox.startsWith('\0') && !!a.domain && !a.domain.startsWith('\0'),
    }));
}

/** Email::Address::XS->format of one valid address: `"Name" <user@host>` with quoting only where needed. */
export function formatAddress(a: ParsedAddress): string {
  const mailbox = maybeQuote(a.user ?? '', false);
  const comment = a.comment !== undefined ? ` (${a.comment})` : '';
  if (!a.phrase) return `${mailbox}@${a.host}${comment}`;
  // A MIME encoded word cannot be quoted, so such a phrase is written as it is.
  const phrase = a.phrase.includes('=?') ? a.phrase : maybeQuote(a.phrase, true);
  return `${phrase} <${mailbox}@${a.host}>${comment}`;
}

/** `user@host` as compose_address writes it. */
export function addressOf(a: ParsedAddress): string {
  return `${maybeQuote(a.user ?? '', false)}@${a.host}`;
}

function maybeQuote(s: string, quoteDot: boolean): string {
  if (s === '') return '""';
  // A leading or trailing dot always needs quotes.
  const dots = quoteDot || s.startsWith('.') || s.endsWith('.');
  if ([...s].every((c) => isAtext(c) || (!dots && c === '.'))) return s;
  return `"${s.replace(/["\\\0\t\n\r]/g, '\\$&')}"`;
}
