import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { Agent } from 'undici';
import type { CallbackUrlPolicy } from './callback-url-policy.js';
import { CallbackAddressRefusedError, guardedLookup, type ResolveAll } from './guarded-lookup.js';

/** What one POST came to. `permanent` failures are not worth retrying (the policy refused the address). */
export interface PostResult {
  status?: number;
  latencyMs: number;
  error?: string;
  permanent?: boolean;
}

/** How much of an error response body goes into the delivery log. */
const SNIPPET_CHARS = 300;
/** Callback URLs whose origin and path are remembered; a bot's calls share a few, so this is a bound, not a tuning knob. */
const MAX_TARGETS = 1000;

/** Where a POST goes, as undici's dispatchers take it. */
interface Target {
  origin: string;
  path: string;
}

/**
 * The HTTP side of callback delivery: one undici Agent whose DNS lookup enforces the URL policy.
 * Redirects are never followed (undici's request() only follows them through an interceptor,
 * which this agent does not have), so a 3xx is an answer like any other non-2xx.
 */
export class CallbackTransport {
  /** undici is loaded at the first delivery, not at start: it is ~0.15 s of every cold start (issue 9). */
  private client?: Promise<Agent>;
  private readonly targets = new Map<string, Target>();

  constructor(
    private readonly policy: CallbackUrlPolicy,
    private readonly timeoutMs: number,
    private readonly resolve?: ResolveAll,
  ) {}

  private agent(): Promise<Agent> {
    this.client ??= import('undici').then(({ Agent }) => new Agent({ connect: { lookup: guardedLookup(this.policy, this.resolve) } }));
    return this.client;
  }

  /**
   * Never throws: a failure is a result with `error`. The timeout covers the whole exchange. It is
   * a timer cleared once the answer is read, not AbortSignal.timeout: that one costs about four
   * times as much to create and stays armed for the full timeout after every delivery, so a burst
   * kept thousands of timers that all fired (and built an abort reason) seconds later.
   */
  async post(url: string, body: string, headers: Record<string, string>): Promise<PostResult> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    // undici takes an EventEmitter as the abort signal as well: an AbortController and its
    // EventTarget listener cost several times more per request (docs/perf/callbacks.md, session 7).
    const abort = new EventEmitter();
    // Unref'd like AbortSignal.timeout's: a pending delivery alone does not hold the process open.
    const timer = setTimeout(() => abort.emit('abort'), this.timeoutMs).unref();
    try {
      const agent = await this.agent();
      const response = await agent.request({ ...this.target(url), method: 'POST', headers, body, signal: abort });
      const { statusCode: status } = response;
      if (status >= 200 && status < 300) {
        await response.body.dump();
        return { status, latencyMs: elapsed() };
      }
      const detail = await snippet(response.body);
      return { status, latencyMs: elapsed(), error: describeStatus(status, response.headers.location, detail) };
    } catch (error) {
      return { latencyMs: elapsed(), error: this.describeError(error), permanent: error instanceof CallbackAddressRefusedError };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The URL split as undici's own request(url) would split it, once per URL instead of once per
   * POST. A URL that does not parse throws here, inside post(), like undici's parse did.
   */
  private target(url: string): Target {
    let target = this.targets.get(url);
    if (target) return target;
    const parsed = new URL(url);
    target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
    if (this.targets.size >= MAX_TARGETS) this.targets.clear();
    this.targets.set(url, target);
    return target;
  }

  async close(): Promise<void> {
    if (this.client) await (await this.client).close();
  }

  private describeError(error: unknown): string {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return `no answer within ${this.timeoutMs} ms (callbackTimeoutMs)`;
    }
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
  }
}

function describeStatus(status: number, location: string | string[] | undefined, detail: string): string {
  if (status >= 300 && status < 400) {
    const target = Array.isArray(location) ? location[0] : location;
    return `HTTP ${status}: redirect${target ? ` to ${target}` : ''} not followed (callbacks never follow redirects)`;
  }
  return detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`;
}

/** The start of a response body, for the delivery log; the rest is not read. */
async function snippet(body: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of body) {
    text += chunk.toString('utf8');
    if (text.length >= SNIPPET_CHARS) break;
  }
  return text.slice(0, SNIPPET_CHARS).replace(/\s+/g, ' ').trim();
}
