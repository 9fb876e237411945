import { useState } from 'preact/hooks';
import { enc, type Api } from '../api.js';
import { useApi, useLive } from '../live.js';
import type { CallLeg, CallOperation, List, World } from '../types.js';
import { toTones } from '../ui/tones.js';
import { Action, Empty, Loading, Problem, time } from '../ui/widgets.js';

interface AudioMatrix {
  participants: { id: string; kind: string; displayName?: string; isMuted: boolean; inConversation: boolean }[];
  audioRoutingGroups: { callId: string; group: { id: string; routingMode: string; sources: string[]; receivers: string[] } }[];
  links: { speakerId: string; listenerId: string; audible: boolean; silencedBy?: string }[];
}

interface CallData {
  leg: CallLeg;
  operations: CallOperation[];
  audio: AudioMatrix | undefined;
}

async function loadCall(api: Api, callId: string): Promise<CallData> {
  const [leg, operations] = await Promise.all([api.get<CallLeg>(`/calls/${enc(callId)}`), api.get<List<CallOperation>>(`/calls/${enc(callId)}/operations`)]);
  const audio = leg.conferenceId ? await api.get<AudioMatrix>(`/calls/${enc(callId)}/audio-matrix`).catch(() => undefined) : undefined;
  return { leg, operations: operations.value, audio };
}

/** One app call leg: state and history, audio routing, operations. */
export function CallView(props: { callId: string }) {
  const live = useLive((api) => loadCall(api, props.callId), [props.callId]);
  if (!live.data) return live.error ? <Problem error={live.error} /> : <Loading />;
  const { leg, operations, audio } = live.data;
  return (
    <section aria-labelledby="call-title">
      <h1 id="call-title">Call leg {leg.id}</h1>
      <dl class="facts">
        <dt>State</dt>
        <dd data-testid="call-state">{leg.state}</dd>
        <dt>App</dt>
        <dd>{leg.appId}</dd>
        <dt>Direction / scenario</dt>
        <dd>
          {leg.direction} / {leg.scenario}
        </dd>
        <dt>Callback</dt>
        <dd>
          <code>{leg.callbackUri}</code>
        </dd>
        <dt>Created / last change</dt>
        <dd>
          {time(leg.createdAt)} / {time(leg.stateChangedAt)}
        </dd>
        {leg.resultInfo && (
          <>
            <dt>Result</dt>
            <dd>
              {leg.resultInfo.code}/{leg.resultInfo.subcode} {leg.resultInfo.message}
            </dd>
          </>
        )}
      </dl>
      <p>
        <a href={`#/callbacks?callId=${enc(leg.id)}`}>Callbacks of this call</a>
      </p>
      <AudioView audio={audio} />
      <OperationsView operations={operations} />
      <HangUp leg={leg} />
    </section>
  );
}

/** Routing groups, then who hears whom: rows are listeners, columns speakers, each cell says why not. */
function AudioView(props: { audio: AudioMatrix | undefined }) {
  const audio = props.audio;
  if (!audio) return null;
  const name = (id: string): string => audio.participants.find((p) => p.id === id)?.displayName ?? id.slice(0, 8);
  const link = (speakerId: string, listenerId: string) => audio.links.find((l) => l.speakerId === speakerId && l.listenerId === listenerId);
  return (
    <section aria-labelledby="audio-title">
      <h2 id="audio-title">Audio routing</h2>
      {audio.audioRoutingGroups.length === 0 ? (
        <p class="muted">No audio routing groups: everyone in the conversation is in the default audio group.</p>
      ) : (
        <ul>
          {audio.audioRoutingGroups.map(({ group }) => (
            <li key={group.id}>
              <code>{group.id}</code> {group.routingMode}: {group.sources.map(name).join(', ')} → {group.receivers.map(name).join(', ')}
            </li>
          ))}
        </ul>
      )}
      <table class="matrix" aria-label="Who hears whom">
        <thead>
          <tr>
            <th scope="col">listener ↓ · speaker →</th>
            {audio.participants.map((p) => (
              <th scope="col" key={p.id}>
                {name(p.id)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {audio.participants.map((listener) => (
            <tr key={listener.id}>
              <th scope="row">{name(listener.id)}</th>
              {audio.participants.map((speaker) => {
                if (speaker.id === listener.id) return <td key={speaker.id}>—</td>;
                const l = link(speaker.id, listener.id);
                return (
                  <td key={speaker.id} class={l?.audible ? 'hears' : 'silent'}>
                    {l?.audible ? 'hears' : (l?.silencedBy ?? 'no route')}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function OperationsView(props: { operations: CallOperation[] }) {
  return (
    <section aria-labelledby="ops-title">
      <h2 id="ops-title">Operations</h2>
      {props.operations.length === 0 ? (
        <Empty>No operations yet: they appear when the bot mutes, plays prompts, starts hold music, …</Empty>
      ) : (
        <ol class="timeline">
          {props.operations.map((op) => (
            <li key={op.id} data-status={op.status}>
              <strong>{op.type}</strong> <span class={`badge ${op.status}`}>{op.status}</span> started {time(op.createdAt)}
              {op.finishedAt !== undefined && <> · finished {time(op.finishedAt)}</>}
              {op.clientContext && <> · clientContext <code>{op.clientContext}</code></>}
              {op.resultInfo && <> · {op.resultInfo.code}/{op.resultInfo.subcode} {op.resultInfo.message}</>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function HangUp(props: { leg: CallLeg }) {
  const api = useApi();
  const [keys, setKeys] = useState('');
  if (props.leg.scenario !== 'peerToPeer' && props.leg.scenario !== 'incoming') return null;
  if (props.leg.state === 'terminated') return null;
  const path = `/calls/${enc(props.leg.id)}`;
  return (
    <div class="row">
      <label for="p2p-keys">Keys the person presses</label>
      <input id="p2p-keys" size={6} placeholder="1#" value={keys} onInput={(e) => setKeys((e.target as HTMLInputElement).value)} />
      <Action label="Press keys" title="The person on the call presses keys" run={() => api.send('POST', `${path}/dtmf`, { tones: toTones(keys) })} />
      <Action label="The person hangs up" kind="danger" run={() => api.send('POST', `${path}/hangup`)} />
    </div>
  );
}

/** A user of the world calls an app peer to peer (its calling webhook gets the incoming call). */
function CallAnApp(props: { world: World | undefined }) {
  const api = useApi();
  const [userId, setUserId] = useState('');
  const [appId, setAppId] = useState('');
  const apps = (props.world?.applications ?? []).filter((app) => app.callingWebhookUrl);
  if (!props.world) return null;
  if (apps.length === 0) return <Empty>No app has a calling webhook yet: set one (World view, or PATCH /_switchboard/apps/&#123;appId&#125; with callingWebhookUrl) and people can call it.</Empty>;
  return (
    <form class="row" aria-label="A person calls an app" onSubmit={(e) => e.preventDefault()}>
      <label for="caller">Caller</label>
      <select id="caller" value={userId} onChange={(e) => setUserId((e.target as HTMLSelectElement).value)}>
        <option value="">choose a person…</option>
        {props.world.users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName}
          </option>
        ))}
      </select>
      <label for="callee-app">App to call</label>
      <select id="callee-app" value={appId} onChange={(e) => setAppId((e.target as HTMLSelectElement).value)}>
        <option value="">choose an app…</option>
        {apps.map((a) => (
          <option key={a.appId} value={a.appId}>
            {a.displayName}
          </option>
        ))}
      </select>
      <Action label="Call" kind="primary" run={() => (userId && appId ? api.send('POST', `/users/${enc(userId)}/call`, { appId }) : Promise.reject(new Error('choose a caller and an app')))} />
    </form>
  );
}


/** Every app call leg, newest first. */
export function CallsView() {
  const live = useLive((api) => Promise.all([api.get<List<CallLeg>>('/calls'), api.get<World>('/world')]), []);
  if (!live.data) return live.error ? <Problem error={live.error} /> : <Loading />;
  const legs = [...live.data[0].value].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section aria-labelledby="calls-title">
      <h1 id="calls-title">Call legs</h1>
      <CallAnApp world={live.data[1]} />
      {legs.length === 0 ? (
        <Empty>No bot has a call yet. Create one with POST /v1.0/communications/calls (see Meetings for a join body).</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Call</th>
              <th scope="col">App</th>
              <th scope="col">Scenario</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {legs.map((leg) => (
              <tr key={leg.id} data-call={leg.id}>
                <th scope="row">
                  <a href={`#/calls/${enc(leg.id)}`}>{leg.id}</a>
                </th>
                <td>{leg.appId}</td>
                <td>{leg.scenario}</td>
                <td>{leg.state}</td>
                <td>{time(leg.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
