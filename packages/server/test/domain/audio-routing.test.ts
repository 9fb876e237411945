import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addAudioRoutingGroup, audioRoutingGroupsOf, findAudioRoutingGroup, removeAudioRoutingGroup, updateAudioRoutingGroup, type AudioRoutingGroup } from '../../src/domain/calls/audio-routing.js';
import type { Call } from '../../src/domain/calls/types.js';
import { DomainError, type ErrorId } from '../../src/domain/errors/index.js';
import { botParticipant, buildCall, buildConference, buildParticipant } from '../wire/support/domain.js';

const fails = (id: ErrorId, params: Record<string, unknown> = {}) => (error: unknown) => {
  assert.ok(error instanceof DomainError, String(error));
  assert.equal(error.id, id);
  for (const [key, value] of Object.entries(params)) assert.equal(error.params[key], value, key);
  return true;
};

const call = buildCall({ id: 'leg-1', scenario: 'meeting', state: 'established', myParticipantId: 'bot' });
const conference = buildConference({ participants: [botParticipant(call), buildParticipant({ id: 'alex' }), buildParticipant({ id: 'megan' })] });
const oneToOne: AudioRoutingGroup = { id: 'oneToOne', routingMode: 'oneToOne', sources: ['bot'], receivers: ['alex'] };
const multicast: AudioRoutingGroup = { id: 'multicast', routingMode: 'multicast', sources: ['bot'], receivers: ['alex', 'megan'] };

describe('audio routing groups (domain)', () => {
  it('adds groups of both routing modes to the call', () => {
    const withGroups = addAudioRoutingGroup(addAudioRoutingGroup(call, conference, oneToOne), conference, multicast);
    assert.deepEqual(audioRoutingGroupsOf(withGroups), [oneToOne, multicast]);
    assert.deepEqual(findAudioRoutingGroup(withGroups, 'multicast'), multicast);
    assert.equal(call.audioRoutingGroups, undefined, 'the call value is not changed in place');
  });

  it('accepts a multicast group with a single receiver (the page says "multiple"; one is harmless)', () => {
    assert.equal(audioRoutingGroupsOf(addAudioRoutingGroup(call, conference, { ...multicast, receivers: ['alex'] })).length, 1);
  });

  it('enforces the shape of each routing mode', () => {
    assert.throws(() => addAudioRoutingGroup(call, conference, { ...oneToOne, receivers: ['alex', 'megan'] }), fails('audioRoutingGroupShape', { routingMode: 'oneToOne', sources: 1, receivers: 2 }));
    assert.throws(() => addAudioRoutingGroup(call, conference, { ...oneToOne, sources: [] }), fails('audioRoutingGroupShape', { sources: 0 }));
    assert.throws(() => addAudioRoutingGroup(call, conference, { ...multicast, sources: ['bot', 'megan'], receivers: ['alex'] }), fails('audioRoutingGroupShape', { routingMode: 'multicast', sources: 2 }));
    assert.throws(() => addAudioRoutingGroup(call, conference, { ...multicast, receivers: [] }), fails('audioRoutingGroupShape', { receivers: 0 }));
  });

  it('refuses ids that are not participants, repeated ids and self-routes', () => {
    assert.throws(() => addAudioRoutingGroup(call, conference, { ...multicast, receivers: ['alex', 'nobody'] }), fails('audioRoutingGroupParticipantNotFound', { participantId: 'nobody', property: 'receivers', callId: 'leg-1' }));
    assert.throws(() => addAudioRoutingGroup(call, conference, { ...oneToOne, sources: ['ghost'] }), fails('audioRoutingGroupParticipantNotFound', { property: 'sources' }));
    assert.throws(() => addAudioRoutingGroup(call, conference, { ...multicast, receivers: ['alex', 'alex'] }), fails('audioRoutingGroupDuplicate', { participantId: 'alex' }));
    assert.throws(() => addAudioRoutingGroup(call, conference, { ...multicast, receivers: ['bot', 'alex'] }), fails('audioRoutingGroupSelfRoute', { participantId: 'bot' }));
  });

  it('refuses a second group with the same id (ids are case-sensitive)', () => {
    const withOne = addAudioRoutingGroup(call, conference, oneToOne);
    assert.throws(() => addAudioRoutingGroup(withOne, conference, oneToOne), fails('audioRoutingGroupExists', { groupId: 'oneToOne' }));
    assert.equal(audioRoutingGroupsOf(addAudioRoutingGroup(withOne, conference, { ...oneToOne, id: 'ONETOONE' })).length, 2);
  });

  it('patches receivers (PATCH semantics) and validates the merged group', () => {
    const withOne = addAudioRoutingGroup(call, conference, multicast);
    const { call: patched, group } = updateAudioRoutingGroup(withOne, conference, 'multicast', { receivers: ['megan'] });
    assert.deepEqual(group, { ...multicast, receivers: ['megan'] });
    assert.deepEqual(audioRoutingGroupsOf(patched), [group]);
    assert.throws(() => updateAudioRoutingGroup(withOne, conference, 'multicast', { routingMode: 'oneToOne' }), fails('audioRoutingGroupShape'));
    assert.throws(() => updateAudioRoutingGroup(withOne, conference, 'other', { receivers: ['megan'] }), fails('audioRoutingGroupNotFound', { groupId: 'other' }));
  });

  it('removes a group, and unknown ones are not found', () => {
    const withOne = addAudioRoutingGroup(call, conference, oneToOne);
    assert.deepEqual(audioRoutingGroupsOf(removeAudioRoutingGroup(withOne, 'oneToOne')), []);
    assert.throws(() => removeAudioRoutingGroup(withOne, 'multicast'), fails('audioRoutingGroupNotFound'));
  });

  it('ends the groups with their call', () => {
    const ended: Call = { ...addAudioRoutingGroup(call, conference, oneToOne), state: 'terminated' };
    assert.deepEqual(audioRoutingGroupsOf(ended), []);
    assert.throws(() => findAudioRoutingGroup(ended, 'oneToOne'), fails('audioRoutingGroupNotFound'));
  });
});
