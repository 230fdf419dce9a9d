/**
 * A conservative reader of POSIX sh that says whether dash would certainly accept a script's
 * syntax, so the common scripts (debhelper's and debship's own maintainer scripts, simple
 * wrappers) need no `dash -n` process. It knows a part of the grammar: simple commands with
 * quoted and unquoted words, `$name`, `${name…}` and `$( … )`, redirections, pipelines, `&&`,
 * `||`, `;` and `&` lists, `if`, `while`, `until`, `for`, `case`, `{ }`, `( )` and functions.
 * Anything else (here-documents, backquotes, arithmetic, a carriage return, a reserved word
 * where it is unsure how dash reads it…) makes it answer false, and dash decides. It must never
 * accept what dash rejects: a test holds it to dash on generated scripts.
 */

type Token =
  | { kind: 'word'; text: string; plain: boolean }
  | { kind: 'op'; text: string }
  | { kind: 'redirect' }
  | { kind: 'newline' }
  | { kind: 'end' };

/** Thrown when the script leaves what this reader knows: dash decides. */
class Unsure extends Error {}
const unsure = (): never => {
  throw new Unsure();
};

const RESERVED = new Set(['!', '{', '}', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'if', 'in', 'then', 'until', 'while']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Characters that end an unquoted word. */
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
/** `${name}`, `${#name}` or `${name OP word}`, the word of plain characters, glob characters and `$name`s. */
const BRACED = /^\$\{#?(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])(?:(?::?[-=+?]|##?|%%?)(?:[A-Za-z0-9_./:,@%+=~*?-]|\$[A-Za-z_][A-Za-z0-9_]*)*)?\}/;
const SPECIAL_PARAMETER = new Set(['@', '*', '#', '?', '$', '!', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

class Lexer {
  private i = 0;
  constructor(private readonly s: string) {}

  /** Reads the next token; a `$( … )` inside a word is parsed as it is met, from the same text. */
  next(): Token {
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && s[this.i + 1] === '\n') this.i += 2;
      else if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else break;
    }
    if (this.i >= s.length) return { kind: 'end' };
    const c = s[this.i]!;
    if (c === '\n') {
      this.i++;
      return { kind: 'newline' };
    }
    const two = s.slice(this.i, this.i + 2);
    if (two === '&&' || two === '||' || two === ';;') {
      this.i += 2;
      return { kind: 'op', text: two };
    }
    if (c === '<' || c === '>') return this.redirect();
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      this.i++;
      return { kind: 'op', text: c };
    }
    const start = this.i;
    const plain = this.word();
    const text = s.slice(start, this.i);
    // All digits straight before `<` or `>`: the descriptor of a redirection.
    if (/^[0-9]+$/.test(text) && (s[this.i] === '<' || s[this.i] === '>')) return this.redirect();
    return { kind: 'word', text, plain };
  }

  private redirect(): Token {
    const s = this.s;
    const op = /^(?:>>|>&|<&|>\||<>|>|<)/.exec(s.slice(this.i, this.i + 2))![0];
    // `<<` is a here-document, which this reader does not follow.
    if (s[this.i] === '<' && s[this.i + 1] === '<') unsure();
    this.i += op.length;
    while (s[this.i] === ' ' || s[this.i] === '\t') this.i++;
    const start = this.i;
    // No target, or a comment where it should be.
    if (this.i >= s.length || META.has(s[this.i]!) || s[this.i] === '#') unsure();
    this.word();
    // Digits straight before another `<` or `>` are that one's descriptor, and this has no target.
    if (/^[0-9]+$/.test(s.slice(start, this.i)) && (s[this.i] === '<' || s[this.i] === '>')) unsure();
    return { kind: 'redirect' };
  }

  /** Reads one word; true when it is plain (no quotes, escapes or expansions). */
  private word(): boolean {
    const s = this.s;
    let plain = true;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (META.has(c)) break;
      if (c === "'") {
        const close = s.indexOf("'", this.i + 1);
        if (close < 0) unsure();
        this.i = close + 1;
      } else if (c === '"') this.doubleQuoted();
      else if (c === '\\') {
        // A continued line inside a word could join it into a reserved word (`f\⏎i`): left to dash.
        if (this.i + 1 >= s.length || s[this.i + 1] === '\n') unsure();
        this.i += 2;
      } else if (c === '$') this.expansion();
      else if (c === '`' || c === '\r' || c < ' ' || c === '\x7f') unsure();
      else {
        this.i++;
        continue;
      }
      plain = false;
    }
    return plain;
  }

  private doubleQuoted(): void {
    const s = this.s;
    this.i++;
    for (;;) {
      const c = s[this.i];
      if (c === undefined || c === '`') unsure();
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\') this.i += 2;
      else if (c === '$') this.expansion();
      else this.i++;
    }
  }

  /** `$name`, `$1`, `$@`…, `${…}` or `$( … )`; other forms (arithmetic, a lone `$`) are left to dash. */
  private expansion(): void {
    const s = this.s;
    const c = s[this.i + 1];
    if (c === '(') {
      if (s[this.i + 2] === '(') unsure();
      this.i += 2;
      // The inner commands up to the `)` that closes them.
      new Parser(this).commandSubstitution();
      return;
    }
    if (c === '{') return this.braced();
    if (c !== undefined && SPECIAL_PARAMETER.has(c)) {
      this.i += 2;
      return;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.i + 1, this.i + 65));
    if (!name) unsure();
    this.i += 1 + name![0].length;
  }

  /** `${name}`, `${#name}` or `${name OP word}` with a word of plain characters and `$name`s. */
  private braced(): void {
    const m = BRACED.exec(this.s.slice(this.i, this.i + 256));
    if (!m) unsure();
    this.i += m![0].length;
  }

}

class Parser {
  private token: Token;

  constructor(private readonly lexer: Lexer) {
    this.token = lexer.next();
  }

  program(): void {
    this.linebreak();
    if (this.token.kind !== 'end') this.list();
    if (this.token.kind !== 'end') unsure();
  }

  /** The commands of a `$( … )`, up to its `)`; the lexer then stands right after it. */
  commandSubstitution(): void {
    this.linebreak();
    if (!this.startsCommand()) unsure();
    this.list();
    // The lexer stands right after this `)`: the outer word goes on from there.
    if (!this.isOp(')')) unsure();
  }

  private advance(): void {
    this.token = this.lexer.next();
  }

  private isOp(text: string): boolean {
    return this.token.kind === 'op' && this.token.text === text;
  }

  private isReserved(word: string): boolean {
    return this.token.kind === 'word' && this.token.plain && this.token.text === word;
  }

  private expectReserved(word: string): void {
    if (!this.isReserved(word)) unsure();
    this.advance();
  }

  private linebreak(): void {
    while (this.token.kind === 'newline') this.advance();
  }

  /** Commands separated by `;`, `&` or newlines, at least one; stops before what cannot start a command. */
  private list(): void {
    for (;;) {
      this.andOr();
      if (this.isOp(';') || this.isOp('&')) this.advance();
      else if (this.token.kind !== 'newline') return;
      this.linebreak();
      if (!this.startsCommand()) return;
    }
  }

  private startsCommand(): boolean {
    const t = this.token;
    if (t.kind === 'redirect') return true;
    if (t.kind === 'op') return t.text === '(';
    if (t.kind !== 'word') return false;
    if (!t.plain) return true;
    return !RESERVED.has(t.text) || ['!', '{', 'case', 'for', 'if', 'until', 'while'].includes(t.text);
  }

  private andOr(): void {
    this.pipeline();
    while (this.isOp('&&') || this.isOp('||')) {
      this.advance();
      this.linebreak();
      this.pipeline();
    }
  }

  private pipeline(): void {
    if (this.isReserved('!')) this.advance();
    this.command();
    while (this.isOp('|')) {
      this.advance();
      this.linebreak();
      this.command();
    }
  }

  private command(): void {
    const t = this.token;
    if (t.kind === 'op' && t.text === '(') {
      this.advance();
      this.compoundList();
      if (!this.isOp(')')) unsure();
      this.advance();
      return this.redirects();
    }
    if (t.kind === 'word' && t.plain && RESERVED.has(t.text)) {
      switch (t.text) {
        case '{':
          this.advance();
          this.compoundList();
          this.expectReserved('}');
          return this.redirects();
        case 'if':
          return this.ifClause();
        case 'while':
        case 'until':
          this.advance();
          this.compoundList();
          this.doGroup();
          return this.redirects();
        case 'for':
          return this.forClause();
        case 'case':
          return this.caseClause();
        default:
          return unsure();
      }
    }
    this.simpleCommand();
  }

  /** Assignments, words and redirections, at least one of them. */
  private simpleCommand(): void {
    let words = 0;
    let others = 0;
    for (;;) {
      const t = this.token;
      if (t.kind === 'redirect') others++;
      else if (t.kind === 'word') {
        if (words === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.text)) others++;
        else {
          // A reserved word as the command's name after assignments: how dash reads it is left to dash.
          if (words === 0 && t.plain && RESERVED.has(t.text)) unsure();
          words++;
        }
      } else break;
      this.advance();
      // `name()`: a function definition.
      if (t.kind === 'word' && words === 1 && others === 0 && this.isOp('(')) return this.functionBody(t.text);
    }
    if (words + others === 0) unsure();
  }

  private functionBody(name: string): void {
    if (!NAME.test(name)) unsure();
    this.advance();
    if (!this.isOp(')')) unsure();
    this.advance();
    this.linebreak();
    if (!this.isReserved('{')) unsure();
    this.command();
  }

  /** Redirections after a compound command. */
  private redirects(): void {
    let any = false;
    while (this.token.kind === 'redirect') {
      this.advance();
      any = true;
    }
    // After them dash takes no reserved word without a separator (`fi >x then`): left to dash.
    if (any && this.token.kind === 'word') unsure();
  }

  /** A list that must hold at least one command (dash rejects an empty one). */
  private compoundList(): void {
    this.linebreak();
    if (!this.startsCommand()) unsure();
    this.list();
  }

  private doGroup(): void {
    this.expectReserved('do');
    this.compoundList();
    this.expectReserved('done');
  }

  private ifClause(): void {
    this.advance();
    this.compoundList();
    this.expectReserved('then');
    this.compoundList();
    while (this.isReserved('elif')) {
      this.advance();
      this.compoundList();
      this.expectReserved('then');
      this.compoundList();
    }
    if (this.isReserved('else')) {
      this.advance();
      this.compoundList();
    }
    this.expectReserved('fi');
    this.redirects();
  }

  private forClause(): void {
    this.advance();
    if (this.token.kind !== 'word' || !this.token.plain || !NAME.test(this.token.text) || RESERVED.has(this.token.text)) unsure();
    this.advance();
    this.linebreak();
    if (this.isReserved('in')) {
      this.advance();
      while (this.token.kind === 'word') {
        if (this.token.plain && RESERVED.has(this.token.text)) unsure();
        this.advance();
      }
      if (this.isOp(';')) this.advance();
      else if (this.token.kind !== 'newline') unsure();
    } else if (this.isOp(';')) this.advance();
    this.linebreak();
    this.doGroup();
    this.redirects();
  }

  private caseClause(): void {
    this.advance();
    if (this.token.kind !== 'word' || (this.token.plain && RESERVED.has(this.token.text))) unsure();
    this.advance();
    this.linebreak();
    this.expectReserved('in');
    this.linebreak();
    while (!this.isReserved('esac')) {
      if (this.isOp('(')) this.advance();
      this.pattern();
      while (this.isOp('|')) {
        this.advance();
        this.pattern();
      }
      if (!this.isOp(')')) unsure();
      this.advance();
      this.linebreak();
      if (this.startsCommand()) this.list();
      if (this.isOp(';;')) {
        this.advance();
        this.linebreak();
      } else if (!this.isReserved('esac')) unsure();
    }
    this.advance();
    this.redirects();
  }

  private pattern(): void {
    // A reserved word as a pattern (`esac)` above all) is left to dash.
    if (this.token.kind !== 'word' || (this.token.plain && RESERVED.has(this.token.text))) unsure();
    this.advance();
  }
}

/** Whether dash certainly accepts the script's syntax (false: it may or may not; ask dash). */
export function certainlyValidSh(script: string): boolean {
  if (script.includes('\0')) return false;
  try {
    new Parser(new Lexer(script)).program();
    return true;
  } catch (e) {
    if (e instanceof Unsure) return false;
    // Deep nesting and the like: not this reader's to judge.
    if (e instanceof RangeError) return false;
    throw e;
  }
}
