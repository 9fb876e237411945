/**
 * Finds where a JSON text first goes wrong. Node 20's JSON.parse names no position, and world
 * files must point at the line, so this small scanner redoes the syntax check when parsing fails.
 */

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

class Fail extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scanner = new JsonScanner(text);
  try {
    scanner.value();
    scanner.skipSpace();
    if (scanner.pos < text.length) throw new Fail(scanner.pos, `unexpected ${scanner.describe()} after the end of the document`);
    return undefined;
  } catch (error) {
    if (error instanceof Fail) return { offset: error.offset, message: error.message };
    throw error;
  }
}

class JsonScanner {
  pos = 0;
  constructor(private readonly text: string) {}

  value(): void {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === '{') return this.container('}', () => this.member());
    if (c === '[') return this.container(']', () => this.value());
    if (c === '"') return this.string();
    if (c !== undefined && /[-0-9]/.test(c)) return this.number();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.pos)) return void (this.pos += literal.length);
    }
    throw new Fail(this.pos, `unexpected ${this.describe()} (expected a value)`);
  }

  private container(close: string, item: () => void): void {
    this.pos += 1;
    this.skipSpace();
    if (this.text[this.pos] === close) return void (this.pos += 1);
    for (;;) {
      item();
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === close) return void (this.pos += 1);
      if (c !== ',') throw new Fail(this.pos, `unexpected ${this.describe()} (expected ',' or '${close}')`);
      this.pos += 1;
      this.skipSpace();
      if (this.text[this.pos] === close) throw new Fail(this.pos, `trailing comma before '${close}'`);
    }
  }

  private member(): void {
    this.skipSpace();
    if (this.text[this.pos] !== '"') throw new Fail(this.pos, `unexpected ${this.describe()} (expected a "quoted" key)`);
    this.string();
    this.skipSpace();
    if (this.text[this.pos] !== ':') throw new Fail(this.pos, `unexpected ${this.describe()} (expected ':')`);
    this.pos += 1;
    this.value();
  }

  private string(): void {
    const start = this.pos;
    this.pos += 1;
    while (this.pos < this.text.length) {
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) return void (this.pos += 1);
      if (code < 0x20) throw new Fail(this.pos, 'raw control character in a string (escape it)');
      if (code === 0x5c) this.escape();
      else this.pos += 1;
    }
    throw new Fail(start, 'unterminated string');
  }

  private escape(): void {
    const match = /^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(this.text.slice(this.pos, this.pos + 6));
    if (!match) throw new Fail(this.pos, 'invalid escape in a string');
    this.pos += match[0].length;
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match) throw new Fail(this.pos, 'invalid number');
    this.pos += match[0].length;
  }

  skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos += 1;
  }

  describe(): string {
    const c = this.text[this.pos];
    return c === undefined ? 'end of file' : `'${c}'`;
  }
}
