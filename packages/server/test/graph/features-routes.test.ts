import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { buildFeaturesApp, type FeaturesApp, type Json } from './support/features-app.js';

type GraphError = { error: { code: string; message: string } };

const { alex, diego, megan } = DEMO.users;
const OPERATION_URL = /^http:\/\/localhost:80\/(v1\.0|beta)\/communications\/calls\/[^/]+\/operations\/[^/]+$/;

describe('meeting-feature routes (Graph)', () => {
  let t: FeaturesApp;
  before(async () => {
    t = await buildFeaturesApp();
  });
  after(() => t.close());

  const post = async (url: string, payload?: unknown, appId?: string) =>
    t.app.inject({ method: 'POST', url, headers: { ...(await t.auth(appId)), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) });
  const get = async (url: string) => t.app.inject({ method: 'GET', url, headers: await t.auth() });

  describe('updateRecordingStatus', () => {
    it('answers 8506 outside compliance recording, 200 + Location + completed operation under it', async () => {
      const call = await t.join();
      const refused = await post(`/v1.0/communications/calls/${call.id}/updateRecordingStatus`, { status: 'recording' });
      assert.equal(refused.statusCode, 403);
      assert.deepEqual([refused.json<GraphError>().error.code, refused.json<GraphError>().error.message], ['8506', 'API call not allowed for non-Compliance Recording call']);

      const megansControl = await t.app.inject({ method: 'POST', url: `/_switchboard/meetings/${DEMO.meetings.standup.id}/people`, headers: { authorization: `Bearer ${t.deps.adminKey}` }, payload: { userId: megan.id } });
      assert.equal(megansControl.statusCode, 201);
      for (const [version, prefix] of [['v1.0', 'communications'], ['beta', 'communications'], ['beta', 'app']] as const) {
        const res = await post(`/${version}/${prefix}/calls/${call.id}/updateRecordingStatus`, { status: 'recording', clientContext: 'ctx' });
        assert.equal(res.statusCode, 200, `${version}/${prefix}: ${res.body}`);
        assert.match(String(res.headers.location), OPERATION_URL);
        const body = res.json<Json>();
        assert.deepEqual([body['@odata.type'], body.status, body.clientContext, body.resultInfo], ['#microsoft.graph.updateRecordingStatusOperation', 'completed', 'ctx', null]);
        const read = await get(String(res.headers.location).replace('http://localhost:80', ''));
        assert.equal(read.json<Json>().status, 'completed');
      }
      const self = await get(`/v1.0/communications/calls/${call.id}/participants/${call.myParticipantId}`);
      assert.equal((self.json<Json>().recordingInfo as Json).recordingStatus, 'recording');
      assert.equal((await post(`/v1.0/app/calls/${call.id}/updateRecordingStatus`, { status: 'recording' })).statusCode, 400, 'v1.0 lists no /app path for this method');
      await t.app.inject({ method: 'POST', url: `/_switchboard/meetings/${DEMO.meetings.standup.id}/end`, headers: { authorization: `Bearer ${t.deps.adminKey}` } });
    });

    it('needs Calls.JoinGroupCall.All or Calls.AccessMedia.All, and a clientContext of at most 256 characters', async () => {
      const call = await t.join();
      assert.equal((await post(`/v1.0/communications/calls/${call.id}/updateRecordingStatus`, { status: 'recording' }, DEMO.limitedAppId)).statusCode, 403);
      const long = await post(`/v1.0/communications/calls/${call.id}/microsoft.graph.updateRecordingStatus`, { status: 'recording', clientContext: 'x'.repeat(257) });
      assert.equal(long.statusCode, 400);
      assert.match(long.json<GraphError>().error.message, /257 characters long; the limit is 256/);
      await t.app.inject({ method: 'POST', url: `/_switchboard/meetings/${DEMO.meetings.standup.id}/end`, headers: { authorization: `Bearer ${t.deps.adminKey}` } });
    });
  });

  describe('addLargeGalleryView', () => {
    it('answers 202 + Location + running operation on every documented path; GET the operation once completed', async () => {
      const call = await t.join();
      for (const url of ['/v1.0/communications', '/v1.0/app', '/beta/communications', '/beta/app'].map((root) => `${root}/calls/${call.id}/addLargeGalleryView`)) {
        const res = await post(url, { clientContext: 'lg' });
        assert.equal(res.statusCode, 202, `${url}: ${res.body}`);
        assert.match(String(res.headers.location), OPERATION_URL);
        assert.deepEqual([res.json<Json>().status, res.json<Json>()['@odata.type']], ['running', '#microsoft.graph.addLargeGalleryViewOperation']);
      }
      const bare = await post(`/v1.0/communications/calls/${call.id}/addLargeGalleryView`);
      assert.equal(bare.statusCode, 202, 'no body is no clientContext');
      await t.settle();
      const read = await get(String(bare.headers.location).replace('http://localhost:80', ''));
      assert.deepEqual([read.statusCode, read.json<Json>().status, read.json<Json>().resultInfo], [200, 'completed', null]);
      const roster = (await get(`/beta/communications/calls/${call.id}/participants`)).json<{ value: Json[] }>().value;
      assert.equal(roster.filter((p) => typeof p.metadata === 'string').length, 5);
      await t.app.inject({ method: 'POST', url: `/_switchboard/meetings/${DEMO.meetings.standup.id}/end`, headers: { authorization: `Bearer ${t.deps.adminKey}` } });
    });
  });

  describe('content sharing sessions', () => {
    it('lists and reads sessions, only under /communications', async () => {
      const call = await t.join();
      const admin = { authorization: `Bearer ${t.deps.adminKey}` };
      const alexEntry = (await t.app.inject({ method: 'POST', url: `/_switchboard/meetings/${DEMO.meetings.standup.id}/people`, headers: admin, payload: { userId: alex.id } })).json<Json>();
      const shared = await t.app.inject({ method: 'POST', url: `/_switchboard/conferences/${alexEntry.conferenceId}/participants/${alexEntry.participantId}/share`, headers: admin });
      assert.equal(shared.statusCode, 200, shared.body);
      const sessionId = String(shared.json<Json>().id);
      for (const version of ['v1.0', 'beta']) {
        const list = await get(`/${version}/communications/calls/${call.id}/contentSharingSessions`);
        assert.equal(list.statusCode, 200);
        assert.deepEqual(list.json<Json>().value, [{ '@odata.type': '#microsoft.graph.contentSharingSession', id: sessionId }]);
        assert.match(String(list.json<Json>()['@odata.context']), new RegExp(`/${version.replace('.', '\\.')}/\\$metadata#communications/calls\\('${call.id}'\\)/contentSharingSessions$`));
        const one = await get(`/${version}/communications/calls/${call.id}/contentSharingSessions/${sessionId}`);
        assert.deepEqual([one.statusCode, one.json<Json>().id], [200, sessionId]);
        assert.equal((await get(`/${version}/communications/calls/${call.id}/contentSharingSessions/nope`)).statusCode, 404);
        assert.equal((await get(`/${version}/app/calls/${call.id}/contentSharingSessions`)).statusCode, 400, 'no /app path documented');
      }
      await t.app.inject({ method: 'POST', url: `/_switchboard/meetings/${DEMO.meetings.standup.id}/end`, headers: admin });
    });
  });

  describe('participants/invite', () => {
    it('answers 200 + Location + running operation listing the invitees; needs Calls.InitiateGroupCall.All', async () => {
      const call = await t.callUsers([alex.id, diego.id]);
      const body = { participants: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: megan.id } } }], clientContext: 'inv' };
      assert.equal((await post(`/v1.0/communications/calls/${call.id}/participants/invite`, body, DEMO.limitedAppId)).statusCode, 403);
      const res = await post(`/v1.0/communications/calls/${call.id}/participants/invite`, body);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers.location), OPERATION_URL);
      assert.deepEqual([res.json<Json>().status, res.json<Json>().participants], ['running', body.participants]);
      await t.settle();
      const read = await get(String(res.headers.location).replace('http://localhost:80', ''));
      assert.equal(read.json<Json>().status, 'completed');
      const several = await post(`/beta/app/calls/${call.id}/participants/microsoft.graph.invite`, { participants: [0, 1].map(() => body.participants[0]) });
      assert.equal(several.statusCode, 400, 'a group call an app created has no chat');
      assert.equal((await post(`/v1.0/app/calls/${call.id}/participants/invite`, body)).statusCode, 400, 'v1.0 lists no /app path');
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/v1.0/communications/calls/${call.id}`, headers: await t.auth() })).statusCode, 204);
    });
  });

  describe('changeScreenSharingRole and transfer', () => {
    it('answers 202 without a body, and validates the role', async () => {
      const call = await t.join(undefined, { mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: '<media config>' } });
      for (const url of [`/v1.0/communications/calls/${call.id}/changeScreenSharingRole`, `/beta/app/calls/${call.id}/changeScreenSharingRole`]) {
        const res = await post(url, { role: 'sharer' });
        assert.deepEqual([res.statusCode, res.body], [202, ''], url);
      }
      assert.equal((await post(`/v1.0/communications/calls/${call.id}/changeScreenSharingRole`, { role: 'presenter' })).statusCode, 400);
      await t.app.inject({ method: 'POST', url: `/_switchboard/meetings/${DEMO.meetings.standup.id}/end`, headers: { authorization: `Bearer ${t.deps.adminKey}` } });
    });

    it('transfers a peer-to-peer call: 202, then the call ends', async () => {
      const call = await t.callUsers([alex.id]);
      const res = await post(`/v1.0/communications/calls/${call.id}/transfer`, { transferTarget: { endpointType: 'default', identity: { user: { id: megan.id, displayName: 'Megan' } } } });
      assert.deepEqual([res.statusCode, res.body], [202, '']);
      assert.equal((await get(`/v1.0/communications/calls/${call.id}`)).json<Json>().state, 'transferring');
      await t.settle();
      assert.equal((await get(`/v1.0/communications/calls/${call.id}`)).statusCode, 404);
      assert.equal((await post(`/v1.0/communications/calls/${call.id}/transfer`, {})).statusCode, 400, 'transferTarget is required');
    });
  });
});
