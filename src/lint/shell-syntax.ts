/**
 * Whether a shell accepts a script's syntax, asked of the shell itself (`/bin/dash -n`,
 * `/bin/bash -n`) as lintian's script/syntax check asks it: no other parser judges a shell's
 * grammar exactly. A lint run gets one of these. It starts one helper shell on first use and
 * hands it every script, so Node forks once per run rather than once per script (a fork costs time
 * in proportion to the parent's memory), and the shells run on another core while the other checks
 * go on. Scripts are written to a private temporary directory, each removed once judged.
 *
 * The helper limits each shell to a minute of CPU and 2 GiB of memory: parsing ends, but a
 * megabytes-long hostile script should not take the machine with it. Anything that goes wrong
 * (no temporary directory, no helper, a shell missing) gives no answer, and the check says nothing.
 */
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnChecked } from '../core/exec.js';

// Read a shell and a file per line, answer with its exit status: 0 when the syntax is valid.
const HELPER = `ulimit -t 60 2>/dev/null; ulimit -v 2097152 2>/dev/null
while read -r shell file; do "$shell" -n "$file" </dev/null >/dev/null 2>&1; echo $?; done`;

interface Helper {
  child: ChildProcess;
  dir: string;
  /** Answers awaited, in the order the requests went out. */
  waiting: Array<(status: number | undefined) => void>;
  partial: string;
}

export class ShellSyntax {
  private helper: Helper | undefined;
  private broken = false;
  private written = 0;
  private readonly present = new Map<string, boolean>();

  /**
   * Whether `shell -n` rejects the script (its exit status is not 0); undefined when it could not
   * be asked, as when lintian finds the shell missing.
   */
  async fails(shell: string, script: Uint8Array): Promise<boolean | undefined> {
    if (!this.isExecutable(shell)) return undefined;
    const helper = this.start();
    if (!helper) return undefined;
    const file = join(helper.dir, String(this.written++));
    try {
      writeFileSync(file, script, { mode: 0o600 });
    } catch {
      return undefined;
    }
    try {
      const status = await new Promise<number | undefined>((resolve) => {
        helper.waiting.push(resolve);
        helper.child.stdin!.write(`${shell} ${file}\n`);
      });
      return status === undefined ? undefined : status !== 0;
    } finally {
      try {
        unlinkSync(file);
      } catch {
        /* removed with the directory at close() */
      }
    }
  }

  /**
   * Starts the helper now, before it is needed. A fork costs time in proportion to the parent's
   * memory (about 2.5 ms per 100 MB here), and a run over large packages grows to hundreds of
   * megabytes before its scripts are checked: forking first costs a millisecond instead of ten.
   */
  prepare(): void {
    this.start();
  }

  /** Ends the helper and removes the directory; questions still open get no answer. */
  close(): void {
    const helper = this.helper;
    this.helper = undefined;
    this.broken = true;
    if (!helper) return;
    helper.child.stdin!.end();
    helper.child.kill();
    this.answerAll(helper);
    rmSync(helper.dir, { recursive: true, force: true });
  }

  private isExecutable(shell: string): boolean {
    let ok = this.present.get(shell);
    if (ok === undefined) {
      try {
        accessSync(shell, constants.X_OK);
        ok = true;
      } catch {
        ok = false;
      }
      this.present.set(shell, ok);
    }
    return ok;
  }

  private start(): Helper | undefined {
    if (this.helper || this.broken) return this.helper;
    let dir: string;
    try {
      dir = mkdtempSync(join(tmpdir(), 'debship-syntax-'));
    } catch {
      this.broken = true;
      return undefined;
    }
    // One request per line: a directory whose name holds a line end cannot be named in one.
    if (dir.includes('\n')) {
      rmSync(dir, { recursive: true, force: true });
      this.broken = true;
      return undefined;
    }
    const child = spawnChecked('/bin/sh', ['-c', HELPER], { stdio: ['pipe', 'pipe', 'ignore'] });
    const helper: Helper = { child, dir, waiting: [], partial: '' };
    child.stdout!.setEncoding('latin1');
    child.stdout!.on('data', (text: string) => {
      const lines = (helper.partial + text).split('\n');
      helper.partial = lines.pop()!;
      for (const line of lines) helper.waiting.shift()?.(Number(line));
    });
    // A helper that dies (or never started) answers nothing more, now or later.
    const gone = () => {
      this.broken = true;
      this.answerAll(helper);
    };
    child.on('error', gone);
    child.on('close', gone);
    child.stdin!.on('error', gone);
    this.helper = helper;
    return helper;
  }

  /** Every open question gets no answer. */
  private answerAll(helper: Helper): void {
    for (const resolve of helper.waiting.splice(0)) resolve(undefined);
  }
}
