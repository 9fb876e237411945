import type { KeyObject } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import type { Store } from '../storage/ports.js';
import { createSigningKey, privateKeyOf, publicKeyOf, toJwk, type JsonWebKey, type SigningKeyDoc } from './signing-key-material.js';

export type { JsonWebKey } from './signing-key-material.js';

export interface SigningKeysOptions {
  /** Document kind. A second instance with its own kind (e.g. 'callback-signing-key') serves another purpose. */
  kind?: string;
  /** Prefix of document ids, for purposes that share one kind (every instance on that kind then needs its own prefix). */
  idPrefix?: string;
  /** Subject of the self-signed certificates. */
  subject?: string;
  /** Longest lifetime of anything signed with these keys (Entra access tokens: 3599 s). */
  tokenLifetimeSec?: number;
  /** Extra time a retired key stays published: verifier clock skew (300 s) + refresh lag + slack. */
  retentionMarginSec?: number;
  /** How often the in-memory view is re-read from the store, so nodes sharing it converge. */
  refreshIntervalSec?: number;
}

export interface ActiveSigner {
  kid: string;
  x5t: string;
  privateKey: KeyObject;
}

export interface Jwks {
  keys: JsonWebKey[];
}

interface LoadedKey {
  doc: SigningKeyDoc;
  publicKey: KeyObject;
  privateKey?: KeyObject;
  /** When this key stops being published; undefined for the active (newest) key. */
  publishedUntil?: number;
}

const DEFAULTS = {
  kind: 'signing-key',
  idPrefix: '',
  subject: 'CN=Switchboard token signing, O=Switchboard (local development only)',
  tokenLifetimeSec: 3599,
  retentionMarginSec: 600,
  refreshIntervalSec: 60,
} satisfies Required<SigningKeysOptions>;

const KID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * RSA signing keys kept as store documents, so they survive restarts and several nodes on one
 * database sign and verify with the same set. The newest key signs. A key is retired by the
 * existence of a newer one (no write to the old document, so concurrent rotations on two nodes
 * cannot leave zero active keys) and stays in the JWKS until every token it may have signed has
 * expired — the rollover Entra documents for its own keys (signing-key-rollover).
 */
export class SigningKeys {
  private readonly options: Required<SigningKeysOptions>;
  private keys: LoadedKey[] = [];
  private loadedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly store: Pick<Store, 'docs'>,
    private readonly clock: Clock,
    options: SigningKeysOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Loads the keys and creates the first one when the store has none. */
  async init(): Promise<void> {
    await this.reload();
    if (this.keys.length === 0) await this.create();
    await this.prune();
  }

  /** Adds a new active key; older keys stay published until their tokens have expired. */
  async rotate(): Promise<{ kid: string }> {
    const doc = await this.create();
    await this.prune();
    return { kid: doc.kid };
  }

  async activeSigner(): Promise<ActiveSigner> {
    await this.ensureFresh();
    const active = this.keys[0];
    if (!active) throw new Error('no signing key: SigningKeys.init() was not called');
    active.privateKey ??= privateKeyOf(active.doc);
    return { kid: active.doc.kid, x5t: active.doc.kid, privateKey: active.privateKey };
  }

  /** The JWKS document, newest key first (as Entra lists its current key first). */
  async jwks(): Promise<Jwks> {
    await this.ensureFresh();
    return { keys: this.published().map((k) => toJwk(k.doc)) };
  }

  async kids(): Promise<string[]> {
    await this.ensureFresh();
    return this.published().map((k) => k.doc.kid);
  }

  /** The public key for `kid` while it is published. Unknown kids are looked up in the store once. */
  async verificationKey(kid: string | undefined): Promise<KeyObject | undefined> {
    if (!kid || !KID.test(kid)) return undefined;
    await this.ensureFresh();
    if (!this.find(kid) && (await this.store.docs.get(this.options.kind, this.docId(kid)))) await this.reload();
    const key = this.find(kid);
    return key && this.isPublished(key) ? key.publicKey : undefined;
  }

  /**
   * verificationKey without waiting, for a token verified before: its key while the loaded view is
   * fresh and the key is loaded; `undefined` when only the store can tell (stale view, unknown kid)
   * or the key is no longer published, so the caller takes the async path and gets the same answer.
   */
  loadedVerificationKey(kid: string): KeyObject | undefined {
    if (!this.isFresh()) return undefined;
    const key = this.find(kid);
    return key && this.isPublished(key) ? key.publicKey : undefined;
  }

  /** Deletes keys whose tokens have all expired; returns their kids. */
  async prune(): Promise<string[]> {
    await this.reload();
    const expired = this.keys.filter((k) => !this.isPublished(k));
    for (const key of expired) await this.store.docs.delete(this.options.kind, this.docId(key.doc.kid));
    if (expired.length > 0) await this.reload();
    return expired.map((k) => k.doc.kid);
  }

  /** Re-reads the keys from the store now (another node may have rotated). */
  async reload(): Promise<void> {
    const docs = await this.store.docs.list<SigningKeyDoc>(this.options.kind, { idPrefix: this.options.idPrefix });
    const previous = new Map(this.keys.map((k) => [k.doc.kid, k]));
    const sorted = docs.map((d) => d.data).sort(newestFirst);
    this.keys = sorted.map((doc, i) => ({
      doc,
      publicKey: previous.get(doc.kid)?.publicKey ?? publicKeyOf(doc),
      privateKey: previous.get(doc.kid)?.privateKey,
      publishedUntil: i === 0 ? undefined : sorted[i - 1]!.createdAt + this.retentionMs(),
    }));
    this.loadedAt = this.clock.now();
  }

  private async create(): Promise<SigningKeyDoc> {
    await this.reload();
    // Strictly newer than every existing key, so a rotation within one millisecond still wins.
    const createdAt = Math.max(this.clock.now(), (this.keys[0]?.doc.createdAt ?? Number.NEGATIVE_INFINITY) + 1);
    const doc = await createSigningKey(this.options.subject, createdAt);
    await this.store.docs.put(this.options.kind, this.docId(doc.kid), doc, 0);
    await this.reload();
    return doc;
  }

  /** Concurrent requests that find the view stale share one reload (the verifier runs on every Graph call). */
  private async ensureFresh(): Promise<void> {
    if (this.isFresh()) return;
    this.refreshing ??= this.reload().finally(() => (this.refreshing = undefined));
    await this.refreshing;
  }

  private isFresh(): boolean {
    const age = this.clock.now() - this.loadedAt;
    return age >= 0 && age < this.options.refreshIntervalSec * 1000;
  }

  private published(): LoadedKey[] {
    return this.keys.filter((k) => this.isPublished(k));
  }

  private isPublished(key: LoadedKey): boolean {
    return key.publishedUntil === undefined || this.clock.now() < key.publishedUntil;
  }

  private find(kid: string): LoadedKey | undefined {
    return this.keys.find((k) => k.doc.kid === kid);
  }

  private retentionMs(): number {
    return (this.options.tokenLifetimeSec + this.options.retentionMarginSec) * 1000;
  }

  private docId(kid: string): string {
    return `${this.options.idPrefix}${kid}`;
  }
}

function newestFirst(a: SigningKeyDoc, b: SigningKeyDoc): number {
  return b.createdAt - a.createdAt || (a.kid < b.kid ? 1 : a.kid > b.kid ? -1 : 0);
}
