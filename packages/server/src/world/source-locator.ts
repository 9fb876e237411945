import { LineCounter, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

export interface Position {
  line: number;
  col: number;
}

/**
 * Maps a path inside the parsed data (`['users', 2, 'tenantId']`) back to the line and column of
 * the YAML/JSON source. A path that does not exist (a missing key) lands on its nearest existing
 * parent, which is where the key would have to be added.
 */
export class SourceLocator {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter,
  ) {}

  /** Where the value at `path` starts; `key: true` points at the last key itself instead. */
  locate(path: readonly PropertyKey[], options: { key?: boolean } = {}): Position {
    const offset = this.offsetOf(path, options.key ?? false);
    return offset === undefined ? { line: 1, col: 1 } : this.lines.linePos(offset);
  }

  private offsetOf(path: readonly PropertyKey[], wantKey: boolean): number | undefined {
    let node: unknown = this.doc?.contents;
    let offset = rangeStart(node);
    for (const [i, seg] of path.entries()) {
      const step = child(node, seg);
      if (!step) return offset;
      const last = i === path.length - 1;
      offset = (last && wantKey ? rangeStart(step.key) : rangeStart(step.value)) ?? rangeStart(step.key) ?? offset;
      node = step.value;
    }
    return offset;
  }
}

function child(node: unknown, seg: PropertyKey): { key?: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof seg === 'number') {
    const item = node.items[seg];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
