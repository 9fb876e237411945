import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors/domain-error.js';
import { EXPORT_FORMAT, EXPORT_VERSION, parseExport, upgradeExport } from '../../src/state/export-format.js';

const minimal = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: '2026-11-28T12:00:00.000Z', clock: { now: 1, scale: 1, paused: false }, documents: [], timers: [], outbox: [] };

function failsWith(input: unknown, id: string, message: RegExp): void {
  assert.throws(() => parseExport(input), (error: unknown) => error instanceof DomainError && error.id === id && message.test(error.message));
}

describe('export format', () => {
  it('accepts a current file as is', () => {
    assert.deepEqual(parseExport(minimal), minimal);
  });

  it('refuses a newer version, naming both versions', () => {
    failsWith({ ...minimal, version: EXPORT_VERSION + 1 }, 'exportTooNew', new RegExp(`version ${EXPORT_VERSION + 1}.*up to ${EXPORT_VERSION}`));
  });

  it('refuses what is not an export: not an object, another format, a bad version', () => {
    failsWith([], 'exportInvalid', /JSON object/);
    failsWith({ ...minimal, format: 'firebase' }, 'exportInvalid', /"format"/);
    failsWith({ ...minimal, version: '1' }, 'exportInvalid', /"version"/);
  });

  it('names the fields that are wrong', () => {
    failsWith({ ...minimal, documents: [{ kind: '', id: 'x', data: {} }], extra: true }, 'exportInvalid', /documents\.0\.kind.*extra|extra.*documents\.0\.kind/s);
  });

  it('lifts an older version through each upgrade step in turn', () => {
    const upgrades = {
      1: (v1: Record<string, unknown>) => ({ ...v1, timers: v1.alarms, alarms: undefined }),
      2: (v2: Record<string, unknown>) => ({ ...v2, outbox: v2.outbox ?? [] }),
    };
    const { version: _version, timers, outbox: _outbox, ...rest } = minimal;
    const v1 = { ...rest, version: 1, alarms: timers };
    assert.throws(() => upgradeExport(v1, {}, 3), /no upgrade from version 1/);
    const lifted = upgradeExport(v1, upgrades, 3);
    assert.equal(lifted.version, 3);
    assert.deepEqual(lifted.timers, []);
  });

  it('lifts a version-1 conference, roster inside, into a header and one entry per participant', () => {
    const conference = { id: 'conf', kind: 'meeting', state: 'active', rosterSequence: 2, createdAt: 1, participants: [{ id: 'a', kind: 'app' }, { id: 'b', kind: 'person' }] };
    const documents = [{ kind: 'call', id: 'c1', data: {} }, { kind: 'conference', id: 'conf', data: conference }];
    const lifted = parseExport({ ...minimal, version: 1, documents });
    assert.equal(lifted.version, EXPORT_VERSION);
    assert.deepEqual(lifted.documents.map((doc) => `${doc.kind} ${doc.id}`), ['call c1', 'conference conf', 'roster-entry conf/a', 'roster-entry conf/b']);
    const { participants, ...fields } = conference;
    const header = lifted.documents[1]?.data as Record<string, unknown>;
    assert.deepEqual({ ...header, rosterStamp: 'any' }, { ...fields, rosterStamp: 'any', nextPosition: 2 });
    assert.match(String(header.rosterStamp), /^[0-9a-f-]{36}$/);
    assert.deepEqual(lifted.documents.slice(2).map((doc) => doc.data), participants.map((participant, position) => ({ position, participant })));
  });
});
