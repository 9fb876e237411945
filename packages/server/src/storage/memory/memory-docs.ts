import type { Clock } from '../../domain/clock.js';
import type { DocumentPort, ListOptions, StoredDoc } from '../ports.js';
import { compareIds } from '../shared/compare-ids.js';
import { freezeJson, thawJson } from '../shared/frozen-json.js';
import type { SharedReads } from '../shared/shared-reads.js';
import { assertVersion } from '../shared/versioning.js';
import { writtenDoc } from '../shared/written-doc.js';
import type { DocRecord, Draft } from './memory-state.js';

export class MemoryDocs implements DocumentPort, SharedReads {
  constructor(
    private readonly draft: () => Draft,
    private readonly clock: Clock,
  ) {}

  async get<T>(kind: string, id: string): Promise<StoredDoc<T> | undefined> {
    const record = this.draft().docsOf(kind).get(id);
    return record && toDoc<T>(kind, id, record);
  }

  /** The stored frozen value itself (see SharedReads): no copy, whatever the document's size. */
  async getShared<T>(kind: string, id: string): Promise<StoredDoc<T> | undefined> {
    const record = this.draft().docsOf(kind).get(id);
    return record && { kind, id, version: record.version, data: record.data as T, updatedAt: record.updatedAt };
  }

  async list<T>(kind: string, options: ListOptions = {}): Promise<StoredDoc<T>[]> {
    const docs = this.draft().docsOf(kind);
    const ids = [...docs.keys()].filter((id) => matches(id, options)).sort(compareIds);
    const limit = options.limit === undefined ? undefined : Math.max(options.limit, 0);
    return ids.slice(0, limit).map((id) => toDoc<T>(kind, id, docs.get(id) as DocRecord));
  }

  async put<T>(kind: string, id: string, data: T, expectedVersion?: number): Promise<StoredDoc<T>> {
    const draft = this.draft();
    const actual = draft.docsOf(kind).get(id)?.version ?? 0;
    assertVersion(kind, id, expectedVersion, actual);
    const record: DocRecord = { version: actual + 1, data: freezeJson(data), updatedAt: this.clock.now() };
    draft.writableDocsOf(kind).set(id, record);
    return writtenDoc<T>(kind, id, record.version, record.updatedAt, () => thawJson<T>(record.data));
  }

  async delete(kind: string, id: string, expectedVersion?: number): Promise<boolean> {
    const draft = this.draft();
    const actual = draft.docsOf(kind).get(id)?.version ?? 0;
    assertVersion(kind, id, expectedVersion, actual);
    return actual > 0 && draft.writableDocsOf(kind).delete(id);
  }

  async kinds(): Promise<string[]> {
    return this.draft().docKinds().sort(compareIds);
  }
}

function matches(id: string, { idPrefix, afterId }: ListOptions): boolean {
  if (idPrefix !== undefined && !id.startsWith(idPrefix)) return false;
  return afterId === undefined || compareIds(id, afterId) > 0;
}

function toDoc<T>(kind: string, id: string, record: DocRecord): StoredDoc<T> {
  return { kind, id, version: record.version, data: thawJson<T>(record.data), updatedAt: record.updatedAt };
}
