import { describe, expect, it } from 'vitest';
import { categorize, categorizeText } from './categories.js';
import { CWE_CATEGORIES, cweNumber, normalizeCwe } from './cwe-categories.js';
import { CATEGORIES, type Category } from './model.js';

describe('the CWE table', () => {
  it('maps at least 60 CWEs, each to one known category', () => {
    expect(CWE_CATEGORIES.size).toBeGreaterThanOrEqual(60);
    for (const category of CWE_CATEGORIES.values()) expect(CATEGORIES).toContain(category);
  });

  it.each<[number, Category]>([
    [94, 'code-execution'],
    [95, 'code-execution'],
    [96, 'code-execution'],
    [77, 'code-execution'],
    [78, 'code-execution'],
    [502, 'code-execution'],
    [434, 'code-execution'],
    [917, 'code-execution'],
    [829, 'code-execution'],
    [98, 'code-execution'],
    [1336, 'code-execution'],
    [787, 'code-execution'],
    [1321, 'injection'],
    [269, 'privilege-escalation'],
    [287, 'privilege-escalation'],
    [306, 'privilege-escalation'],
    [639, 'privilege-escalation'],
    [732, 'privilege-escalation'],
    [862, 'privilege-escalation'],
    [863, 'privilege-escalation'],
    [798, 'privilege-escalation'],
    [89, 'sql-injection'],
    [564, 'sql-injection'],
    [943, 'sql-injection'],
    [79, 'injection'],
    [88, 'injection'],
    [93, 'injection'],
    [113, 'injection'],
    [117, 'injection'],
    [1236, 'injection'],
    [22, 'path-traversal'],
    [35, 'path-traversal'],
    [59, 'path-traversal'],
    [73, 'path-traversal'],
    [611, 'path-traversal'],
    [918, 'ssrf'],
    [441, 'ssrf'],
    [400, 'denial-of-service'],
    [1333, 'denial-of-service'],
    [776, 'denial-of-service'],
    [190, 'denial-of-service'],
    [125, 'denial-of-service'],
    [200, 'information-disclosure'],
    [532, 'information-disclosure'],
    [522, 'information-disclosure'],
    [601, 'other'],
  ])('CWE-%i is %s', (id, category) => {
    expect(CWE_CATEGORIES.get(id)).toBe(category);
    expect(categorize([`CWE-${id}`], '')).toBe(category);
  });

  it('leaves generic weaknesses to the words', () => {
    for (const id of [20, 693, 707, 703]) expect(CWE_CATEGORIES.has(id)).toBe(false);
    expect(categorize(['CWE-20'], 'Improper input validation allows SQL injection')).toBe('sql-injection');
  });
});

describe('CWE ids', () => {
  it('are read as "CWE-79", "cwe-79", "CWE 79", "79" and 79', () => {
    for (const id of ['CWE-79', 'cwe-79', 'CWE 79', ' 79 ', 79]) {
      expect(cweNumber(id)).toBe(79);
      expect(normalizeCwe(id)).toBe('CWE-79');
      expect(categorize([id], '')).toBe('injection');
    }
  });

  it('other strings are kept as given but categorise nothing', () => {
    expect(cweNumber('NVD-CWE-Other')).toBeUndefined();
    expect(normalizeCwe(' NVD-CWE-noinfo ')).toBe('NVD-CWE-noinfo');
    expect(normalizeCwe('  ')).toBeUndefined();
    expect(cweNumber(-1)).toBeUndefined();
    expect(cweNumber(1.5)).toBeUndefined();
    expect(categorize(['NVD-CWE-Other', 'CWE-', 'CWE-99999'], '')).toBe('other');
  });
});

describe('categorize', () => {
  it('takes the most serious category of several CWEs, in CATEGORIES order', () => {
    expect(categorize(['CWE-400', 'CWE-1333'], '')).toBe('denial-of-service');
    expect(categorize(['CWE-770', 'CWE-1321'], '')).toBe('injection');
    expect(categorize(['CWE-200', 'CWE-22', 'CWE-918'], '')).toBe('path-traversal');
    expect(categorize(['CWE-79', 'CWE-89'], '')).toBe('sql-injection');
    expect(categorize(['CWE-601', 'CWE-200'], '')).toBe('information-disclosure');
    expect(categorize(['CWE-77', 'CWE-94', 'CWE-269'], '')).toBe('code-execution');
  });

  it('lets a mapped CWE win over the words', () => {
    // GHSA-p6mc-m468-83gw says "may lead to … Code Execution" but is filed as CWE-770 and CWE-1321.
    expect(categorize(['CWE-1321', 'CWE-770'], 'may lead to Denial of Service or Code Execution under specific circumstances')).toBe('injection');
    expect(categorize(['CWE-601'], 'open redirect that could lead to remote code execution')).toBe('other');
  });

  it('falls back to the words when no CWE is mapped', () => {
    expect(categorize([], 'Prototype Pollution leading to Remote Code Execution')).toBe('code-execution');
    expect(categorize(['NVD-CWE-noinfo'], 'A path traversal in extract()')).toBe('path-traversal');
  });
});

describe('categorizeText', () => {
  it.each<[string, Category]>([
    ['Remote code execution via crafted template', 'code-execution'],
    ['allows an attacker to execute arbitrary Python code', 'code-execution'],
    ['Arbitrary code execution in PyYAML', 'code-execution'],
    ['Command Injection in lodash', 'code-execution'],
    ['RCE in the admin console', 'code-execution'],
    ['Unsafe deserialization of untrusted data', 'code-execution'],
    ['Insecure deserialisation', 'code-execution'],
    ['Jinja2 sandbox breakout through attr filter', 'code-execution'],
    ['server-side template injection', 'code-execution'],
    ['Privilege escalation through the setuid helper', 'privilege-escalation'],
    ['Authentication bypass in the login form', 'privilege-escalation'],
    ['allows attackers to bypass authorization checks', 'privilege-escalation'],
    ['SQL injection in the ORDER BY clause', 'sql-injection'],
    ['NoSQL injection via $where', 'sql-injection'],
    ['Cross-site scripting in the error page', 'injection'],
    ['Stored XSS', 'injection'],
    ['LDAP injection', 'injection'],
    ['Prototype Pollution in minimist', 'injection'],
    ['HTTP response splitting', 'injection'],
    ['Path traversal in send', 'path-traversal'],
    ['Directory Traversal in serve-static', 'path-traversal'],
    ['Zip Slip when extracting archives', 'path-traversal'],
    ['arbitrary file write through symlinks', 'path-traversal'],
    ['SSRF in the proxy', 'ssrf'],
    ['Server-Side Request Forgery in Request', 'ssrf'],
    ['Regular Expression Denial of Service (ReDoS) in lodash', 'denial-of-service'],
    ['a crafted header causes DoS', 'denial-of-service'],
    ['resource exhaustion when parsing', 'denial-of-service'],
    ['infinite loop in the tokenizer', 'denial-of-service'],
    ['the authority regex exhibits catastrophic backtracking', 'denial-of-service'],
    ['memory leak on every request', 'denial-of-service'],
    ['Information disclosure through error messages', 'information-disclosure'],
    ['Exposure of Sensitive Information to an Unauthorized Actor', 'information-disclosure'],
    ['may leak .netrc credentials to third parties', 'information-disclosure'],
    ['Requests has been leaking Proxy-Authorization headers', 'information-disclosure'],
    ['Certificate verification is skipped for later requests', 'other'],
    ['Runs under MS-DOS', 'other'],
    ['', 'other'],
  ])('%j is %s', (text, category) => {
    expect(categorizeText(text)).toBe(category);
  });

  it('prefers the more serious category when several match', () => {
    expect(categorizeText('SQL injection')).toBe('sql-injection');
    expect(categorizeText('XSS leading to SQL injection')).toBe('sql-injection');
    expect(categorizeText('ReDoS that can leak memory contents')).toBe('denial-of-service');
    expect(categorizeText('path traversal allowing remote code execution')).toBe('code-execution');
  });

  it('matches words, not meaning (documented): a negated phrase still counts', () => {
    expect(categorizeText('This release is not vulnerable to command injection')).toBe('code-execution');
  });

  it('does not match inside other words', () => {
    expect(categorizeText('forced source dosage leakproof sqlite injectionless')).toBe('other');
  });

  it('stays fast on a huge description', () => {
    expect(categorizeText(`${'a '.repeat(2_000_000)}denial of service`)).toBe('denial-of-service');
  });
});
