/**
 * Progress for long work: one redrawn line on an interactive terminal, nothing but milestone
 * lines elsewhere (CI logs, pipes), so logs stay readable.
 */
export interface Progress {
  /** A milestone: always printed, as its own line. */
  line(text: string): void;
  /** A transient status: redrawn in place on a TTY, dropped elsewhere. */
  status(text: string): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Progress {
  const live = Boolean(stream.isTTY) && !env.CI && env.TERM !== 'dumb';
  let shown = false;
  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  let last = 0;
  return {
    line(text) {
      clear();
      stream.write(text + '\n');
    },
    status(text) {
      if (!live) return;
      const now = Date.now();
      if (now - last < 80) return; // redraw at most ~12 times a second
      last = now;
      clear();
      stream.write(text.slice(0, (stream.columns ?? 80) - 1));
      shown = true;
    },
    done: clear,
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
