import { useState } from 'preact/hooks';
import { enc } from '../api.js';
import { useApi } from '../live.js';
import type { MeetingRoster, RosterParticipant, User } from '../types.js';
import { toTones } from '../ui/tones.js';
import { Action } from '../ui/widgets.js';

/** A meeting's roster: one row per participant with its state and the person's actions. */
export function Roster(props: { roster: MeetingRoster; users: User[] }) {
  return (
    <table class="roster">
      <caption class="sr-only">Participants</caption>
      <thead>
        <tr>
          <th scope="col">Participant</th>
          <th scope="col">State</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {props.roster.participants.map((p) => (
          <ParticipantRow key={p.id} participant={p} conferenceId={props.roster.conferenceId ?? ''} />
        ))}
      </tbody>
    </table>
  );
}

export function nameOf(p: RosterParticipant): string {
  return p.identity.displayName ?? p.identity.id;
}

const cameraOn = (p: RosterParticipant): boolean => p.video === 'sendOnly' || p.video === 'sendReceive';

function flags(p: RosterParticipant): string[] {
  return [
    p.kind === 'app' ? 'bot' : p.kind === 'virtual' ? 'large gallery' : p.identity.kind,
    p.isInLobby ? 'in lobby' : '',
    p.isMuted ? 'muted' : 'unmuted',
    p.serverMuted ? 'muted by app' : '',
    cameraOn(p) ? 'video' : '',
    p.screenSharing === 'sendOnly' || p.screenSharing === 'sendReceive' ? 'sharing' : '',
    p.held ? 'on hold' : '',
    p.recordingInfo?.status === 'recording' ? 'recording' : '',
    p.invitation ? 'invited' : '',
  ].filter(Boolean);
}

function ParticipantRow(props: { participant: RosterParticipant; conferenceId: string }) {
  const p = props.participant;
  return (
    <tr data-participant={p.id} data-name={nameOf(p)}>
      <th scope="row">
        {nameOf(p)}
        {p.callId && (
          <>
            {' '}
            <a href={`#/calls/${enc(p.callId)}`}>call leg</a>
          </>
        )}
      </th>
      <td>
        {flags(p).map((flag) => (
          <span class={`badge ${flag.replace(/ /g, '-')}`} key={flag}>
            {flag}
          </span>
        ))}
      </td>
      <td>{p.kind === 'person' ? <PersonActions participant={p} conferenceId={props.conferenceId} /> : <RemoveAction participant={p} conferenceId={props.conferenceId} />}</td>
    </tr>
  );
}

function PersonActions(props: { participant: RosterParticipant; conferenceId: string }) {
  const api = useApi();
  const p = props.participant;
  const path = `/conferences/${enc(props.conferenceId)}/participants/${enc(p.id)}`;
  const who = nameOf(p);
  const sharing = p.screenSharing === 'sendOnly' || p.screenSharing === 'sendReceive';
  return (
    <div class="actions">
      {p.isInLobby && <Action label="Admit" kind="primary" title={`Admit ${who}`} run={() => api.send('POST', `${path}/admit`)} />}
      {p.isInLobby && <Action label="Deny" kind="danger" title={`Deny ${who} entry`} run={() => api.send('POST', `${path}/deny`)} />}
      {!p.isInLobby && (p.isMuted ? <Action label="Unmute" title={`Unmute ${who}`} run={() => api.send('POST', `${path}/unmute`)} /> : <Action label="Mute" title={`Mute ${who}`} run={() => api.send('POST', `${path}/mute`)} />)}
      {!p.isInLobby && (sharing ? <Action label="Stop sharing" title={`${who} stops sharing`} run={() => api.send('POST', `${path}/unshare`)} /> : <Action label="Share screen" title={`${who} shares their screen`} run={() => api.send('POST', `${path}/share`)} />)}
      {!p.isInLobby && !p.held && <Action label={cameraOn(p) ? 'Camera off' : 'Camera on'} title={`${who} turns the camera ${cameraOn(p) ? 'off' : 'on'}`} run={() => api.send('POST', `${path}/video`, { on: !cameraOn(p) })} />}
      {!p.isInLobby && (p.held ? <Action label="Resume" title={`${who} resumes the call`} run={() => api.send('POST', `${path}/resume`)} /> : <Action label="Hold" title={`${who} puts the call on hold`} run={() => api.send('POST', `${path}/hold`)} />)}
      {!p.isInLobby && <Keypad path={path} who={who} />}
      <Action label="Leave" kind="danger" title={`${who} leaves`} run={() => api.send('DELETE', path)} />
    </div>
  );
}

function RemoveAction(props: { participant: RosterParticipant; conferenceId: string }) {
  const api = useApi();
  if (props.participant.kind !== 'app') return null;
  const path = `/conferences/${enc(props.conferenceId)}/participants/${enc(props.participant.id)}/remove`;
  return <Action label="Remove bot" kind="danger" title={`The organizer removes ${nameOf(props.participant)}`} run={() => api.send('POST', path)} />;
}

function Keypad(props: { path: string; who: string }) {
  const api = useApi();
  const [keys, setKeys] = useState('');
  const id = `dtmf-${props.path}`;
  return (
    <span class="keypad">
      <label for={id} class="sr-only">
        DTMF keys {props.who} presses
      </label>
      <input id={id} size={5} placeholder="1#" value={keys} pattern="[0-9*#A-Da-d]+" onInput={(e) => setKeys((e.target as HTMLInputElement).value)} />
      <Action label="Press keys" title={`${props.who} presses keys`} run={() => api.send('POST', `${props.path}/dtmf`, { tones: toTones(keys) })} />
    </span>
  );
}


