/** A one-line progress display on a TTY (stderr); silent when output is piped or in CI. */
export interface Progress {
  update(done: number, total: number, extra?: string): void;
  clear(): void;
}

export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = stream.isTTY === true && !process.env.CI;
  let shown = false;
  let last = 0;
  return {
    update(done, total, extra) {
      if (!live) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
      stream.write(`\r${label}: ${done}/${total} (${pct}%)${extra ? ' ' + extra : ''}\x1b[K`);
      shown = true;
    },
    clear() {
      if (live && shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
