import type { ClaimOptions, TimerEntry, TimerPort } from '../ports.js';
import { compareIds } from '../shared/compare-ids.js';
import { decodeJson, encodeJson } from '../shared/json.js';
import type { Draft, TimerRecord } from './memory-state.js';

export class MemoryTimers implements TimerPort {
  constructor(private readonly draft: () => Draft) {}

  /** A fresh record without a lease: the re-set timer is a new occurrence (see complete()). */
  async set<T>(key: string, dueAt: number, payload: T): Promise<void> {
    const record: TimerRecord = { dueAt, payload: encodeJson(payload) };
    this.draft().writableTimers().set(key, record);
  }

  async cancel(key: string): Promise<void> {
    const draft = this.draft();
    if (draft.timerRecords().has(key)) draft.writableTimers().delete(key);
  }

  async get<T>(key: string): Promise<TimerEntry<T> | undefined> {
    const record = this.draft().timerRecords().get(key);
    return record && toEntry<T>(key, record);
  }

  async claimDue<T>({ now, leaseMs, limit, owner }: ClaimOptions): Promise<TimerEntry<T>[]> {
    const draft = this.draft();
    return dueUnleased(draft.timerRecords(), now, limit).map(([key, record]) => {
      draft.writableTimers().set(key, { ...record, leaseOwner: owner, leaseUntil: now + leaseMs });
      return toEntry<T>(key, record);
    });
  }

  /** No-op unless `owner` still holds the lease: set() drops the lease, so a re-set timer survives. */
  async complete(key: string, owner: string): Promise<void> {
    const draft = this.draft();
    if (draft.timerRecords().get(key)?.leaseOwner === owner) draft.writableTimers().delete(key);
  }

  async list<T>(): Promise<TimerEntry<T>[]> {
    const all = [...this.draft().timerRecords()].sort(([k1, r1], [k2, r2]) => r1.dueAt - r2.dueAt || compareIds(k1, k2));
    return all.map(([key, record]) => toEntry<T>(key, record));
  }
}

function dueUnleased(timers: ReadonlyMap<string, TimerRecord>, now: number, limit: number): [string, TimerRecord][] {
  const due = [...timers].filter(([, r]) => r.dueAt <= now && !(r.leaseUntil !== undefined && r.leaseUntil > now));
  return due.sort(([k1, r1], [k2, r2]) => r1.dueAt - r2.dueAt || compareIds(k1, k2)).slice(0, Math.max(limit, 0));
}

function toEntry<T>(key: string, record: TimerRecord): TimerEntry<T> {
  return { key, dueAt: record.dueAt, payload: decodeJson<T>(record.payload) };
}
