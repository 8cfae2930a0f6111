import fs from 'node:fs';

/**
 * Resident memory (bytes) of a process and all its descendants (a worker started through tsx runs
 * in a child, beside tsx's launcher and esbuild): their total, and the largest single process.
 */
export function treeRss(rootPid: number): { totalBytes: number; largestBytes: number } {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  let largest = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      const bytes = m ? Number(m[1]) * 1024 : 0;
      total += bytes;
      largest = Math.max(largest, bytes);
    } catch {
      // ended
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { totalBytes: total, largestBytes: largest };
}

/** Samples a process tree's RSS every `everyMs` and keeps the peaks: the worker process's own and the tree's. */
export function watchPeakRss(rootPid: number, everyMs = 500): { peakBytes(): number; treePeakBytes(): number; stop(): void } {
  let peak = 0;
  let treePeak = 0;
  const timer = setInterval(() => {
    const now = treeRss(rootPid);
    peak = Math.max(peak, now.largestBytes);
    treePeak = Math.max(treePeak, now.totalBytes);
  }, everyMs);
  return { peakBytes: () => peak, treePeakBytes: () => treePeak, stop: () => clearInterval(timer) };
}
