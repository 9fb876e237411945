import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identitySet } from '../../src/wire/identity-set.js';
import { participantToGraph } from '../../src/wire/participant-to-graph.js';
import { buildParticipant, JOHN } from './support/domain.js';

type Stream = { mediaType: string; label: string; sourceId: string; direction: string; serverMuted: boolean };

describe('participantToGraph', () => {
  it('writes the roster entry (BEHAVIOR.md §8)', () => {
    const json = participantToGraph(buildParticipant({ isMuted: true, rosterSequenceNumber: 7 }), 'v1.0');
    assert.equal(json['@odata.type'], '#microsoft.graph.participant');
    assert.deepEqual(json.info, { '@odata.type': '#microsoft.graph.participantInfo', identity: identitySet(JOHN), region: null, languageId: null });
    assert.equal(json.isMuted, true);
    assert.equal(json.isInLobby, false);
    assert.equal(json.rosterSequenceNumber, 7);
    assert.equal(json.metadata, null);
    assert.equal(json.id, '0d7664b6-6432-43ed-8d27-d9e7adec188c');
    assert.equal('preferredDisplayName' in json, false);
  });

  it('lists audio always and video or sharing only while they flow', () => {
    const streams = (overrides: Parameters<typeof buildParticipant>[0]) => participantToGraph(buildParticipant(overrides), 'v1.0').mediaStreams as Stream[];
    assert.deepEqual(streams({}).map((s) => s.mediaType), ['audio']);
    assert.deepEqual(streams({ audio: 'inactive' }).map((s) => [s.mediaType, s.direction]), [['audio', 'inactive']]);
    const all = streams({ video: 'receiveOnly', screenSharing: 'sendOnly', serverMuted: true });
    assert.deepEqual(all.map((s) => [s.mediaType, s.label, s.direction, s.serverMuted]), [
      ['audio', 'main-audio', 'sendReceive', true],
      ['video', 'main-video', 'receiveOnly', false],
      ['videoBasedScreenSharing', 'applicationsharing-video', 'sendOnly', false],
    ]);
  });

  it('gives each participant stable, distinct source ids', () => {
    const ids = (id: string) => (participantToGraph(buildParticipant({ id, video: 'sendReceive' }), 'v1.0').mediaStreams as Stream[]).map((s) => s.sourceId);
    assert.deepEqual(ids('a'), ids('a'));
    assert.notDeepEqual(ids('a'), ids('b'));
    assert.equal(new Set(ids('a')).size, 2);
    for (const sourceId of ids('a')) assert.match(sourceId, /^\d+$/);
  });

  it('adds the beta-only members on beta', () => {
    const json = participantToGraph(buildParticipant(), 'beta');
    assert.equal(json.preferredDisplayName, null);
    assert.equal(json.isIdentityAnonymized, false);
  });
});
