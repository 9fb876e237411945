import { useState } from 'preact/hooks';
import { enc, type Api } from '../api.js';
import { useApi, useLive } from '../live.js';
import type { List, Meeting, MeetingRoster, User } from '../types.js';
import { Action, Empty, Loading, Problem } from '../ui/widgets.js';
import { Roster } from './roster.js';

interface Conference {
  id: string;
  kind: string;
  meetingId?: string;
  rosterSequence: number;
  participants: MeetingRoster['participants'];
}

interface MeetingsData {
  meetings: Meeting[];
  users: User[];
  rosters: Record<string, MeetingRoster>;
  groupCalls: Conference[];
}

async function loadMeetings(api: Api): Promise<MeetingsData> {
  const [meetings, users, conferences] = await Promise.all([api.get<List<Meeting>>('/meetings'), api.get<List<User>>('/users'), api.get<List<Conference>>('/conferences')]);
  const rosters = await Promise.all(meetings.value.map((m) => api.get<MeetingRoster>(`/meetings/${enc(m.id)}/roster`)));
  const groupCalls = conferences.value.filter((c) => c.kind === 'groupCall');
  return { meetings: meetings.value, users: users.value, rosters: Object.fromEntries(rosters.map((r) => [r.meetingId, r])), groupCalls };
}

/** Every meeting with its live roster, and what people can do in it. */
export function MeetingsView() {
  const live = useLive(loadMeetings, []);
  if (!live.data) return live.error ? <Problem error={live.error} /> : <Loading />;
  const { meetings, users, rosters, groupCalls } = live.data;
  if (meetings.length === 0) return <Empty>No meetings in the world. Create one with <code>POST /_switchboard/meetings</code> or a world file.</Empty>;
  return (
    <section aria-labelledby="meetings-title">
      <h1 id="meetings-title">Meetings and calls</h1>
      <Problem error={live.error} />
      {groupCalls.map((call) => (
        <article class="card" key={call.id} aria-label={`Group call ${call.id}`} data-conference={call.id}>
          <h2>Group call</h2>
          <p class="muted">
            conference <code>{call.id}</code> · roster v{call.rosterSequence}
          </p>
          <Roster roster={{ meetingId: '', conferenceId: call.id, rosterSequence: call.rosterSequence, participants: call.participants }} users={users} />
        </article>
      ))}
      {byActivity(meetings, rosters).map((meeting) => (
        <MeetingCard key={meeting.id} meeting={meeting} roster={rosters[meeting.id]} users={users} />
      ))}
    </section>
  );
}

/** Meetings with people in them first, then the others, each group in the server's order. */
function byActivity(meetings: Meeting[], rosters: Record<string, MeetingRoster>): Meeting[] {
  const active = (m: Meeting): boolean => (rosters[m.id]?.participants.length ?? 0) > 0;
  return [...meetings.filter(active), ...meetings.filter((m) => !active(m))];
}

function MeetingCard(props: { meeting: Meeting; roster: MeetingRoster | undefined; users: User[] }) {
  const api = useApi();
  const { meeting, roster } = props;
  const people = roster?.participants ?? [];
  const organizer = props.users.find((u) => u.id === meeting.organizerId)?.displayName ?? meeting.organizerId;
  return (
    <article class="card" aria-labelledby={`m-${meeting.id}`} data-meeting={meeting.id}>
      <header>
        <h2 id={`m-${meeting.id}`}>{meeting.subject}</h2>
        <p class="muted">
          organizer {organizer} · meeting id <code>{meeting.id}</code> · join id <code>{meeting.joinMeetingId}</code> · lobby bypass {meeting.lobbyBypass}
          {roster?.conferenceId && <> · roster v{roster.rosterSequence}</>}
        </p>
      </header>
      {people.length === 0 ? <NobodyHere meeting={meeting} /> : <Roster roster={roster!} users={props.users} />}
      {people.some((p) => p.kind === 'person' || p.kind === 'app') && (
        <Action label="End meeting" kind="danger" run={() => api.send('POST', `/meetings/${enc(meeting.id)}/end`)} />
      )}
      <JoinForm meeting={meeting} users={props.users} />
    </article>
  );
}

function NobodyHere(props: { meeting: Meeting }) {
  const body = {
    '@odata.type': '#microsoft.graph.call',
    callbackUri: 'https://your-bot.example/callback',
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: props.meeting.joinMeetingId, ...(props.meeting.passcode ? { passcode: props.meeting.passcode } : {}) },
    tenantId: props.meeting.tenantId,
  };
  return (
    <Empty>
      <p>Nobody is in this meeting and no bot has joined yet. Join people below, or have a bot join:</p>
      <details>
        <summary>The request a bot sends to join</summary>
        <pre class="request">POST /v1.0/communications/calls{'\n'}{JSON.stringify(body, null, 2)}</pre>
      </details>
    </Empty>
  );
}

function JoinForm(props: { meeting: Meeting; users: User[] }) {
  const api = useApi();
  const [who, setWho] = useState('');
  const [guest, setGuest] = useState('');
  const [muted, setMuted] = useState(false);
  const join = async (): Promise<unknown> => {
    const person = who === 'guest' ? { guest: { displayName: guest || 'Guest' } } : { userId: who };
    if (!who) throw new Error('choose who joins');
    return api.send('POST', `/meetings/${enc(props.meeting.id)}/people`, { ...person, muted });
  };
  const id = `join-${props.meeting.id}`;
  return (
    <form class="row" onSubmit={(event) => event.preventDefault()} aria-label={`Join ${props.meeting.subject}`}>
      <label for={id}>Join as</label>
      <select id={id} value={who} onChange={(e) => setWho((e.target as HTMLSelectElement).value)}>
        <option value="">choose a person…</option>
        {props.users.map((u) => (
          <option value={u.id} key={u.id}>
            {u.displayName}
          </option>
        ))}
        <option value="guest">a guest…</option>
      </select>
      {who === 'guest' && (
        <>
          <label for={`${id}-guest`}>Guest name</label>
          <input id={`${id}-guest`} value={guest} onInput={(e) => setGuest((e.target as HTMLInputElement).value)} />
        </>
      )}
      <label>
        <input type="checkbox" checked={muted} onChange={(e) => setMuted((e.target as HTMLInputElement).checked)} /> muted
      </label>
      <Action label="Join" kind="primary" run={join} />
    </form>
  );
}
