import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANSWER_TIMEOUT_MS } from '../../src/domain/calls/call-rules.js';
import { answerCall, completeRedirect, expireUnanswered, isAnswerOverdue, redirectCall, rejectCall, ringIncomingCall } from '../../src/domain/calls/incoming-call.js';
import type { Call } from '../../src/domain/calls/types.js';
import { DomainError } from '../../src/domain/errors/index.js';
import { T0, newCall } from './call-fixtures.js';

const ringing = (): Call => ringIncomingCall(newCall({ direction: 'incoming', scenario: 'incoming', grantedBy: '', callbackUri: 'https://bot.example/webhook' }), T0).value;

const answerBody = { mediaHosting: 'app' as const, acceptedModalities: ['audio' as const], contentSharingNotifications: true, grantedBy: 'Calls.JoinGroupCall.All', echo: { mediaConfig: { blob: 'x' } } };

const isNotIncoming = (error: unknown): boolean => error instanceof DomainError && error.id === 'callNotIncoming' && error.status === 400;

describe('incoming call transitions', () => {
  it('rings with a `created` notification and a 15-second deadline', () => {
    const { value, events } = ringIncomingCall(newCall({ direction: 'incoming', scenario: 'incoming' }), T0);
    assert.equal(value.state, 'incoming');
    assert.equal(value.answerDeadline, T0 + ANSWER_TIMEOUT_MS);
    assert.deepEqual(events.map((e) => e.type), ['call:created']);
  });

  it('answers: establishing, with the answer’s callback, media, modalities and grant', () => {
    const { value, events } = answerCall(ringing(), { ...answerBody, callbackUri: 'https://bot.example/calls/1' }, T0 + 1000);
    assert.equal(value.state, 'establishing');
    assert.equal(value.callbackUri, 'https://bot.example/calls/1');
    assert.equal(value.mediaHosting, 'app');
    assert.equal(value.grantedBy, 'Calls.JoinGroupCall.All');
    assert.equal(value.lastKeepAliveAt, T0 + 1000);
    assert.equal(value.answerDeadline, undefined);
    assert.deepEqual(value.echo, { mediaConfig: { blob: 'x' } });
    assert.deepEqual(events.map((e) => [e.type, (e as { call: Call }).call.state]), [['call:stateChanged', 'establishing']]);
  });

  it('keeps the webhook as callback when the answer names none', () => {
    assert.equal(answerCall(ringing(), answerBody, T0 + 1).value.callbackUri, 'https://bot.example/webhook');
  });

  it('refuses to answer, reject or redirect a call that is not ringing', () => {
    const answered = answerCall(ringing(), answerBody, T0 + 1).value;
    assert.throws(() => answerCall(answered, answerBody, T0 + 2), isNotIncoming);
    assert.throws(() => rejectCall(answered, { reason: 'busy' }, T0 + 2), isNotIncoming);
    assert.throws(() => redirectCall(answered, { targets: [{ kind: 'user', id: 'u' }] }, T0 + 2), isNotIncoming);
  });

  it('names the action and the state in the error message', () => {
    const answered = answerCall(ringing(), answerBody, T0 + 1).value;
    assert.throws(() => rejectCall(answered, { reason: 'none' }, T0 + 2), /Call 'call-1' is establishing: only an incoming call .* can be rejected/);
  });

  it('refuses an answer after the 15-second window even before the timeout fired', () => {
    assert.throws(() => answerCall(ringing(), answerBody, T0 + ANSWER_TIMEOUT_MS), /no longer ringing/);
  });

  it('rejects: terminated at once with a `deleted` notification and no resultInfo', () => {
    const { value, events } = rejectCall(ringing(), { reason: 'busy' }, T0 + 1);
    assert.equal(value.state, 'terminated');
    assert.equal(value.rejectReason, 'busy');
    assert.equal(value.resultInfo, undefined);
    assert.deepEqual(events.map((e) => e.type), ['call:deleted']);
  });

  it('redirects: redirecting silently, then terminated with `deleted`', () => {
    const targets = [{ kind: 'user' as const, id: 'u1' }];
    const redirecting = redirectCall(ringing(), { targets, callbackUri: 'https://bot.example/r' }, T0 + 1);
    assert.equal(redirecting.value.state, 'redirecting');
    assert.deepEqual(redirecting.value.redirectTargets, targets);
    assert.deepEqual(redirecting.events, []);
    const done = completeRedirect(redirecting.value, T0 + 2);
    assert.equal(done.value.state, 'terminated');
    assert.equal(done.value.callbackUri, 'https://bot.example/r');
    assert.deepEqual(done.events.map((e) => e.type), ['call:deleted']);
  });

  it('checks redirect targets (1–25) and timeout (15–90 s)', () => {
    const user = { kind: 'user' as const, id: 'u' };
    assert.throws(() => redirectCall(ringing(), { targets: [] }, T0 + 1), /targets must name 1 to 25/);
    assert.throws(() => redirectCall(ringing(), { targets: Array(26).fill(user) }, T0 + 1), /got 26/);
    assert.throws(() => redirectCall(ringing(), { targets: [user], timeoutSeconds: 10 }, T0 + 1), /timeout must be 15 to 90 seconds; got 10/);
    assert.equal(redirectCall(ringing(), { targets: [user], timeoutSeconds: 90 }, T0 + 1).value.state, 'redirecting');
  });

  it('times out an unanswered call with 408/1106', () => {
    const call = ringing();
    assert.equal(isAnswerOverdue(call, T0 + ANSWER_TIMEOUT_MS - 1), false);
    assert.throws(() => expireUnanswered(call, T0 + ANSWER_TIMEOUT_MS - 1));
    const { value, events } = expireUnanswered(call, T0 + ANSWER_TIMEOUT_MS);
    assert.equal(value.state, 'terminated');
    assert.deepEqual(value.resultInfo, { code: 408, subcode: 1106, message: 'An acknowledgement was not received for the call acceptance in the allotted time.' });
    assert.deepEqual(events.map((e) => e.type), ['call:deleted']);
  });
});
