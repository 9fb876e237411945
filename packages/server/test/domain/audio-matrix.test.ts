import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { audioMatrix } from '../../src/domain/calls/audio-matrix.js';
import type { AudioRoutingGroup } from '../../src/domain/calls/audio-routing.js';
import type { Call, Participant } from '../../src/domain/calls/types.js';
import { buildCall, buildConference, buildParticipant } from '../wire/support/domain.js';

const leg = (id: string, overrides: Partial<Call> = {}): Call => buildCall({ id, conferenceId: 'conference-1', scenario: 'meeting', state: 'established', ...overrides });
const appEntry = (id: string, callId: string, overrides: Partial<Participant> = {}): Participant => buildParticipant({ id, kind: 'app', callId, ...overrides });
const person = (id: string, overrides: Partial<Participant> = {}): Participant => buildParticipant({ id, ...overrides });
const PRIVATE = { echo: { mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', removeFromDefaultAudioGroup: true } } };

const matrix = (participants: Participant[], legs: Call[]) => audioMatrix(buildConference({ participants }), legs);
const linkOf = (m: ReturnType<typeof matrix>, speakerId: string, listenerId: string) => m.links.find((l) => l.speakerId === speakerId && l.listenerId === listenerId)!;

describe('who hears whom (audio matrix)', () => {
  it('lets everyone in the default audio group hear everyone else', () => {
    const m = matrix([appEntry('bot', 'leg-1'), person('alex'), person('megan')], [leg('leg-1')]);
    assert.deepEqual(m.hears, { bot: ['alex', 'megan'], alex: ['bot', 'megan'], megan: ['bot', 'alex'] });
    assert.deepEqual(linkOf(m, 'alex', 'megan'), { speakerId: 'alex', listenerId: 'megan', audible: true, routes: [{ via: 'defaultAudioGroup' }] });
    assert.equal(m.links.length, 6, 'one link per ordered pair');
  });

  it('keeps a bot that left the default group private, except through its routing groups (one-way)', () => {
    const whisper: AudioRoutingGroup = { id: 'oneToOne', routingMode: 'oneToOne', sources: ['bot'], receivers: ['alex'] };
    const m = matrix([appEntry('bot', 'leg-1'), person('alex'), person('megan')], [leg('leg-1', { ...PRIVATE, audioRoutingGroups: [whisper] })]);
    assert.deepEqual(m.hears, { bot: [], alex: ['bot', 'megan'], megan: ['alex'] });
    assert.deepEqual(linkOf(m, 'bot', 'alex').routes, [{ via: 'audioRoutingGroup', callId: 'leg-1', groupId: 'oneToOne' }]);
    assert.equal(linkOf(m, 'bot', 'megan').silencedBy, 'noRoute');
    assert.equal(linkOf(m, 'alex', 'bot').silencedBy, 'noRoute', 'a group carries its sources to its receivers only');
    assert.deepEqual(m.participants.map((p) => [p.id, p.inDefaultAudioGroup]), [['bot', false], ['alex', true], ['megan', true]]);
    assert.deepEqual(m.audioRoutingGroups, [{ callId: 'leg-1', group: whisper }]);
  });

  it('silences muted speakers, who still hear', () => {
    const m = matrix([appEntry('bot', 'leg-1'), person('alex', { isMuted: true, serverMuted: true })], [leg('leg-1')]);
    assert.deepEqual(m.hears, { bot: [], alex: ['bot'] });
    assert.equal(linkOf(m, 'alex', 'bot').silencedBy, 'speakerMuted');
  });

  it('leaves lobby guests and ringing invitees out of the conversation', () => {
    const invitation = { operationId: 'invite', callId: 'leg-1', invitedAt: 0 };
    const m = matrix([appEntry('bot', 'leg-1'), person('guest', { isInLobby: true }), person('invitee', { invitation, audio: 'inactive' })], [leg('leg-1')]);
    assert.deepEqual(m.hears, { bot: [], guest: [], invitee: [] });
    assert.equal(linkOf(m, 'guest', 'bot').silencedBy, 'speakerNotInConversation');
    assert.equal(linkOf(m, 'bot', 'invitee').silencedBy, 'listenerNotInConversation');
  });

  it('lets a held participant hear only the hold music, and nobody hear them', () => {
    const holdMusic = { byCallId: 'leg-1', phase: 'onHold' as const, operationId: 'op', promptUri: 'https://bot.contoso.com/onHold.wav' };
    const m = matrix([appEntry('bot', 'leg-1'), person('alex', { holdMusic, audio: 'receiveOnly' }), person('megan')], [leg('leg-1')]);
    assert.deepEqual(m.hears, { bot: ['megan'], alex: [], megan: ['bot'] });
    assert.equal(linkOf(m, 'bot', 'alex').silencedBy, 'listenerOnHold');
    assert.equal(linkOf(m, 'alex', 'megan').silencedBy, 'speakerOnHold');
    assert.deepEqual(m.participants.find((p) => p.id === 'alex')?.hearsHoldMusic, { byCallId: 'leg-1', promptUri: 'https://bot.contoso.com/onHold.wav' });
  });

  it('follows the audio streams (a video-only entry neither sends nor receives audio)', () => {
    const m = matrix([appEntry('bot', 'leg-1'), buildParticipant({ id: 'gallery', kind: 'virtual', audio: 'inactive', video: 'sendReceive' }), person('listener', { audio: 'receiveOnly' })], [leg('leg-1')]);
    assert.deepEqual(m.hears, { bot: [], gallery: [], listener: ['bot'] });
    assert.equal(linkOf(m, 'gallery', 'bot').silencedBy, 'speakerNotSending');
    assert.equal(linkOf(m, 'bot', 'gallery').silencedBy, 'listenerNotReceiving');
  });

  it('ignores the groups of ended legs and of other conferences', () => {
    const whisper: AudioRoutingGroup = { id: 'g', routingMode: 'oneToOne', sources: ['bot'], receivers: ['alex'] };
    const ended = leg('leg-1', { ...PRIVATE, state: 'terminated', audioRoutingGroups: [whisper] });
    const elsewhere = leg('leg-2', { conferenceId: 'conference-2', audioRoutingGroups: [whisper] });
    const m = matrix([appEntry('bot', 'leg-1'), person('alex')], [ended, elsewhere]);
    assert.deepEqual(m.audioRoutingGroups, []);
    assert.deepEqual(m.hears, { bot: ['alex'], alex: ['bot'] });
  });
});
