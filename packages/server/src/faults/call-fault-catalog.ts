import { END_REASONS, type EndReason } from '../domain/calls/end-reasons.js';
import type { ResultInfo } from '../domain/calls/types.js';

/**
 * Call faults by name (issue 6, item 4): what ends or disturbs a bot's call, each with the
 * resultInfo code/subcode of the Graph call end reason table (methods.json callEndReasonCodes,
 * derived into domain/calls/end-reasons.ts, the one source of truth for the codes).
 * The control API lists it at /_switchboard/faults/catalog.
 */
export interface CallFaultEntry {
  name: string;
  description: string;
  resultInfo: ResultInfo;
  /** The end reason the fault ends the leg with. */
  reason: EndReason;
  /**
   * leg: only the faulted leg ends (the others of its conference see it leave the roster);
   * conference: the whole conference ends, every app leg gets its own `deleted` notification.
   */
  scope: 'leg' | 'conference';
  /** lobby: only a leg waiting in the lobby can suffer it (the lobby timeout); others are left alone. */
  requires?: 'lobby';
}

const entry = (name: string, reason: EndReason, scope: CallFaultEntry['scope'], description: string): CallFaultEntry => ({
  name, reason, scope, description, resultInfo: { ...END_REASONS[reason] },
});

export const CALL_FAULTS: readonly CallFaultEntry[] = [
  entry('meetingEnded', 'meetingEnded', 'conference', 'The organizer ends the meeting (or the service ends the call) for everyone: every app leg terminates, no roster churn first.'),
  entry('botRemoved', 'removedByOrganizer', 'leg', "Another participant removes the bot's participant; the others see it leave."),
  entry('removedFromConversation', 'removedFromConversation', 'leg', 'The bot is removed from the conversation by another participant (the 5000 variant).'),
  entry('mediaConnectivityLost', 'mediaConnectivityLost', 'leg', 'Media connectivity to the call is lost; the leg drops.'),
  entry('mediaServerError', 'mediaServerError', 'leg', "The service loses its connection to the bot's media (app-hosted media)."),
  { ...entry('lobbyTimeout', 'lobbyTimeout', 'leg', 'Nobody admits the bot from the lobby before the lobby inactivity timeout; the bot is removed. Only for a leg waiting in the lobby.'), requires: 'lobby' },
  entry('keepAliveTimeout', 'keepAliveTimeout', 'leg', 'The service cleans the call up as inactive, as after 45 minutes without keepAlive.'),
  entry('calleeUnreachable', 'calleeUnreachable', 'leg', 'The person called cannot be reached.'),
  entry('calleeNoSignal', 'calleeNoSignal', 'leg', 'The callee endpoints never signal back; the call times out.'),
  entry('noCalleeEndpoints', 'noCalleeEndpoints', 'leg', 'The person called has no endpoint to ring.'),
  entry('allOthersLeft', 'othersLeftGroupCall', 'leg', 'Every other participant left, so the conversation ends for the bot.'),
  entry('peerHungUp', 'peerHungUp', 'leg', 'The other side of a peer-to-peer call hangs up.'),
  entry('pstnUserHungUp', 'pstnUserHungUp', 'leg', 'The phone (PSTN) caller on the other side of a peer-to-peer call hangs up.'),
  entry('answerTimeout', 'answerTimeout', 'leg', 'The acceptance of the call is not acknowledged in time.'),
];

/** The catalogue entry with this name (exact, then case-insensitive), if any. */
export function callFault(name: string): CallFaultEntry | undefined {
  return CALL_FAULTS.find((fault) => fault.name === name) ?? CALL_FAULTS.find((fault) => fault.name.toLowerCase() === name.toLowerCase());
}
