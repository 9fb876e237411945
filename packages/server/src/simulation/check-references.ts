import type { IssueProblem } from '../world/zod-issues.js';
import { isRepeat, type Scenario, type ScenarioPerson } from './scenario-model.js';
import type { ActionStep, PersonEntry, ScenarioFile } from './scenario.schema.js';
import { resolveMeeting, resolveUser } from './world-refs.js';

type Path = PropertyKey[];

/** Actions that need no person; every other one names exactly one of `person` or `pick`. */
const UNTARGETED = new Set<ActionStep['action']>(['endMeeting', 'wait', 'crowd']);
const MEETING_ACTIONS = new Set<ActionStep['action']>(['join', 'endMeeting', 'crowd']);

/**
 * Everything the schema cannot see: world keys, people named by steps, crowd groups, the
 * meeting a step happens in. Each problem carries the path of the offending value so the loader
 * can point at its line.
 */
export function checkReferences(file: ScenarioFile): { scenario: Scenario; problems: IssueProblem[] } {
  const problems: IssueProblem[] = [];
  const meetings = resolveMeetings(file, problems);
  const people = resolvePeople(file.people, problems);
  const groups = crowdGroups(file);
  const guestNames = new Set(Object.entries(people).filter(([, p]) => p.kind === 'guest').map(([n]) => n));
  const known = { meetings, names: Object.keys(file.people), guestNames, groups };
  file.timeline.forEach((step, i) => {
    if (!isRepeat(step)) return checkStep(step, ['timeline', i], known, problems);
    step.steps.forEach((inner, j) => checkStep(inner, ['timeline', i, 'steps', j], known, problems));
  });
  const scenario: Scenario = { name: file.name, seed: file.seed, meetings, people, timeline: file.timeline, ...(file.description ? { description: file.description } : {}) };
  return { scenario, problems };
}

function resolveMeetings(file: ScenarioFile, problems: IssueProblem[]): Record<string, string> {
  const refs: [string, string, Path][] = Object.entries(file.meetings ?? {}).map(([key, ref]) => [key, ref, ['meetings', key]]);
  if (file.meeting) refs.unshift([file.meeting, file.meeting, ['meeting']]);
  const meetings: Record<string, string> = {};
  for (const [key, ref, path] of refs) {
    const resolved = resolveMeeting(ref);
    if ('problem' in resolved) problems.push({ path, message: resolved.problem });
    else meetings[key] = resolved.id;
  }
  return meetings;
}

function resolvePeople(entries: Record<string, PersonEntry>, problems: IssueProblem[]): Record<string, ScenarioPerson> {
  const people: Record<string, ScenarioPerson> = {};
  for (const [name, entry] of Object.entries(entries)) {
    const person = resolvePerson(entry);
    if ('problem' in person) problems.push({ path: ['people', name, ...(typeof entry === 'string' ? [] : ['user'])], message: person.problem });
    else people[name] = person;
  }
  return people;
}

function resolvePerson(entry: PersonEntry): ScenarioPerson | { problem: string } {
  if (typeof entry !== 'string' && 'guest' in entry) return { kind: 'guest', displayName: entry.guest };
  if (typeof entry !== 'string' && 'phone' in entry) return { kind: 'phone', number: entry.phone };
  const resolved = resolveUser(typeof entry === 'string' ? entry : entry.user);
  return 'problem' in resolved ? resolved : { kind: 'user', userId: resolved.id };
}

/** Crowd group → how many members it has over the whole file. */
function crowdGroups(file: ScenarioFile): Map<string, number> {
  const groups = new Map<string, number>();
  const steps = file.timeline.flatMap((step) => (isRepeat(step) ? step.steps.map((inner) => ({ inner, times: step.repeat.times })) : [{ inner: step, times: 1 }]));
  for (const { inner, times } of steps) {
    if (inner.action === 'crowd') groups.set(inner.group, (groups.get(inner.group) ?? 0) + inner.count * times);
  }
  return groups;
}

interface Known {
  meetings: Record<string, string>;
  /** Every name of `people`, resolvable or not (one bad user key is one problem, not one per step). */
  names: string[];
  guestNames: Set<string>;
  groups: Map<string, number>;
}

function checkStep(step: ActionStep, path: Path, known: Known, problems: IssueProblem[]): void {
  const add = (key: string, message: string): number => problems.push({ path: [...path, key], message });
  if (!UNTARGETED.has(step.action)) checkTarget(step, known, add);
  if ('meeting' in step || needsMeeting(step)) checkMeeting(step, known.meetings, add);
  if (step.action === 'crowd' && step.to < step.from) add('to', 'the window ends before it starts (to < from)');
  if (step.action === 'callApp' && step.person && guests(step.person, known)) add('person', `"${step.person}" is a guest: only users and phone callers can call an app`);
}

function needsMeeting(step: ActionStep): boolean {
  return MEETING_ACTIONS.has(step.action) || (step.action === 'waitFor' && step.condition === 'appInMeeting');
}

function checkTarget(step: ActionStep, known: Known, add: (key: string, message: string) => void): void {
  const { person, pick } = step as { person?: string; pick?: string };
  const optional = step.action === 'waitFor' && step.condition === 'appInMeeting';
  if (person !== undefined && pick !== undefined) return void add('pick', 'give either person or pick, not both');
  if (person === undefined && pick === undefined) return optional ? undefined : void add('action', `${step.action} needs a person (or pick: <crowd group>)`);
  if (pick !== undefined && !known.groups.has(pick)) add('pick', `unknown crowd group "${pick}"${listOf(known.groups.keys())}`);
  if (person !== undefined && !isKnownPerson(person, known)) add('person', `unknown person "${person}"${listOf(known.names)}`);
}

function isKnownPerson(name: string, known: Known): boolean {
  if (known.names.includes(name)) return true;
  const member = /^(.*) (\d+)$/.exec(name);
  const size = member ? known.groups.get(member[1] ?? '') : undefined;
  return size !== undefined && Number(member?.[2]) >= 1 && Number(member?.[2]) <= size;
}

function checkMeeting(step: ActionStep, meetings: Record<string, string>, add: (key: string, message: string) => void): void {
  const keys = Object.keys(meetings);
  const named = (step as { meeting?: string }).meeting;
  if (named !== undefined && !Object.hasOwn(meetings, named)) return void add('meeting', `unknown meeting "${named}"${listOf(keys)}`);
  if (named === undefined && keys.length !== 1) add('action', keys.length ? `${step.action} must say which meeting (one of ${keys.join(', ')})` : `${step.action} needs a meeting: add \`meeting: standup\` (a demo key or an id) at the top`);
}

function guests(name: string, known: Known): boolean {
  return known.guestNames.has(name);
}

function listOf(names: Iterable<string>): string {
  const list = [...names];
  return list.length ? ` (known: ${list.join(', ')})` : '';
}
