import type { CallServiceDeps } from '../calls/call-context.js';
import { MediaService } from '../calls/media-service.js';
import { MeetingFeaturesService } from '../calls/meeting-features-service.js';
import { PeopleService } from '../calls/people-service.js';
import type { WaitableClock } from '../domain/clock.js';
import { ScenarioRunner } from './scenario-runner.js';

/** The composition root's way to a runner: the people facades over the same store, and server time. */
export function scenarioRunnerFor(deps: CallServiceDeps, time: WaitableClock): ScenarioRunner {
  const features = new MeetingFeaturesService(deps);
  const media = new MediaService(deps);
  const fallbacks = {
    shareScreen: (conferenceId: string, participantId: string) => features.shareScreen(conferenceId, participantId),
    stopScreenSharing: (conferenceId: string, participantId: string) => features.stopScreenSharing(conferenceId, participantId),
    pressKeys: media.pressKeys.bind(media),
    pressKeysOnCall: media.pressKeysOnCall.bind(media),
  };
  return new ScenarioRunner({ people: new PeopleService(deps), fallbacks, time });
}
