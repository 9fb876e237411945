/** One thing wrong with a world file, located as editors and terminals understand it. */
export interface WorldFileProblem {
  file: string;
  line: number;
  col: number;
  /** `users[2].tenantId`, or `(root)`. */
  path: string;
  message: string;
}

export function formatProblem(p: WorldFileProblem): string {
  return `${p.file}:${p.line}:${p.col} ${p.path}: ${p.message}`;
}

/** Every problem of the file at once, one per line, so a user fixes them in one go. */
export class WorldFileError extends Error {
  constructor(readonly file: string, readonly problems: WorldFileProblem[]) {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    super([`[switchboard] world file ${file} is invalid (${problems.length} ${noun}):`, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'));
    this.name = 'WorldFileError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((seg, i) => {
      if (typeof seg === 'number') return `[${seg}]`;
      const key = String(seg);
      if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `[${JSON.stringify(key)}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join('');
}
