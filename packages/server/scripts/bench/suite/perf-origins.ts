/**
 * Splits a Linux `perf record -g` profile of a Node server (run with --perf-basic-prof, so JIT
 * frames carry their script's URL) by origin: the system call a kernel sample is in, or the
 * innermost JavaScript frame's owner (Switchboard's `src/<area>`, an npm package, Node's own
 * `node:` modules). V8 builtins and native code count for the JavaScript that called them.
 *
 * Why not V8's --cpu-prof: on the reference VM its SIGPROF samples pile up where the kernel
 * returns from an expensive system call, so it put about 70 % of a GET's busy time in `writev`
 * where perf's timer samples put 25 % (docs/perf/http.md, round 7).
 */

/** One frame of a sample's call chain, innermost first: the symbol and the object it is in. */
export interface PerfFrame {
  symbol: string;
  dso: string;
}

export interface OriginSplit {
  samples: number;
  /** Origin → samples, largest first. */
  origins: [string, number][];
  /** With a detail prefix: the frames that gave those origins their samples (function and script), largest first. */
  detail: [string, number][];
}

const FRAME = /^\s+[0-9a-f]+\s+(.*)\s+\((.*)\)$/;
const KERNEL_CALLS: [RegExp, string][] = [
  [/writev/, 'kernel: writev'],
  [/ksys_read|sys_read\b/, 'kernel: read'],
  [/epoll/, 'kernel: epoll'],
  [/futex/, 'kernel: futex'],
];
const SCRIPT_URL = /(file:\/\/\/\S+|node:[\w/]+|\/\S+\.(?:js|mjs|cjs|ts))/;

/** The origin of one sample (innermost frame first). */
export function originOf(frames: PerfFrame[]): string {
  return attribute(frames).origin;
}

/** The origin, and the frame it was read from (the innermost JavaScript frame, or the innermost frame). */
function attribute(frames: PerfFrame[]): { origin: string; frame: string } {
  if (frames.length === 0) return { origin: 'unknown', frame: '?' };
  if (frames[0]!.dso.includes('kernel')) return { origin: kernelCall(frames), frame: frames[0]!.symbol };
  for (const frame of frames) {
    const url = frame.dso.startsWith('perf-') || frame.dso.includes('/perf-') ? SCRIPT_URL.exec(frame.symbol)?.[1] : undefined;
    if (url) return { origin: scriptOwner(url), frame: functionOf(frame.symbol) };
  }
  return { origin: 'V8 and native code, no JavaScript caller (GC, compiler, libuv)', frame: functionOf(frames[0]!.symbol) };
}

/** A frame's function without the offset perf adds, and with paths cut to the package or source file. */
const functionOf = (symbol: string): string => symbol.replace(/\+0x[0-9a-f]+$/, '').replace(/file:\/\/\S*\/(node_modules|src)\//, '$1/');

function kernelCall(frames: PerfFrame[]): string {
  for (const frame of frames) for (const [pattern, name] of KERNEL_CALLS) if (pattern.test(frame.symbol)) return name;
  return 'kernel: other';
}

function scriptOwner(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const src = /\/src\/([^/]+)\//.exec(url);
  if (src) return `src/${src[1]}`;
  if (url.startsWith('node:')) return 'node: internals';
  return 'other JavaScript';
}

/**
 * Counts `perf script` output line by line: a sample is a header line, then one indented line
 * per frame, then a blank line.
 */
export class OriginCounter {
  private readonly counts = new Map<string, number>();
  private readonly details = new Map<string, number>();
  private frames: PerfFrame[] = [];
  private samples = 0;

  /** `detailPrefix`: also count, for origins starting with it, which frame each sample was read from. */
  constructor(private readonly detailPrefix?: string) {}

  add(line: string): void {
    const frame = FRAME.exec(line);
    if (frame) this.frames.push({ symbol: frame[1]!, dso: frame[2]! });
    else this.flush();
  }

  split(): OriginSplit {
    this.flush();
    return { samples: this.samples, origins: byCount(this.counts), detail: byCount(this.details) };
  }

  private flush(): void {
    if (this.frames.length === 0) return;
    const { origin, frame } = attribute(this.frames);
    this.counts.set(origin, (this.counts.get(origin) ?? 0) + 1);
    if (this.detailPrefix !== undefined && origin.startsWith(this.detailPrefix)) this.details.set(frame, (this.details.get(frame) ?? 0) + 1);
    this.samples++;
    this.frames = [];
  }
}

const byCount = (counts: Map<string, number>): [string, number][] => [...counts].sort((a, b) => b[1] - a[1]);
