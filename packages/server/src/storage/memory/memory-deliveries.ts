import type { DeliveryAttempt, DeliveryFilter, DeliveryLogPort, NewDeliveryAttempt } from '../ports.js';
import { decodeJson, encodeJson } from '../shared/json.js';
import type { DeliveryRecord, Draft } from './memory-state.js';

export class MemoryDeliveries implements DeliveryLogPort {
  constructor(private readonly draft: () => Draft) {}

  /** The whole attempt is kept as one JSON text; payloadJson is an input only, never read back. */
  async append({ payloadJson: _encoded, ...attempt }: NewDeliveryAttempt): Promise<number> {
    const { seq, callId, appId } = attempt;
    return this.draft().appendDelivery({ seq, callId, appId, attempt: encodeJson(attempt) });
  }

  async get(id: number): Promise<DeliveryAttempt | undefined> {
    const [found] = await this.list({ beforeId: id + 1, limit: 1 });
    return found?.id === id ? found : undefined;
  }

  /** Newest first: a backwards scan of the (id-ordered) log. */
  async list(filter: DeliveryFilter = {}): Promise<DeliveryAttempt[]> {
    const { items, count } = this.draft().deliveryLog();
    const limit = filter.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(filter.limit, 0);
    const found: DeliveryAttempt[] = [];
    for (let i = count - 1; i >= 0 && found.length < limit; i--) {
      const record = items[i] as DeliveryRecord;
      if (matches(record, filter)) found.push(toAttempt(record));
    }
    return found;
  }

  async prune(keep: number): Promise<number> {
    return this.draft().truncateDeliveries(keep);
  }
}

function matches(record: DeliveryRecord, { callId, appId, seq, beforeId }: DeliveryFilter): boolean {
  if (callId !== undefined && record.callId !== callId) return false;
  if (appId !== undefined && record.appId !== appId) return false;
  if (seq !== undefined && record.seq !== seq) return false;
  return beforeId === undefined || record.id < beforeId;
}

function toAttempt(record: DeliveryRecord): DeliveryAttempt {
  return { id: record.id, ...decodeJson<NewDeliveryAttempt>(record.attempt) };
}
