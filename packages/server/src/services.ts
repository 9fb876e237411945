import type { Config } from './config/schema.js';
import type { Clock } from './domain/clock.js';
import type { Store } from './storage/ports.js';
import { WorldReader } from './world/world-reader.js';
import { WorldService } from './world/world-service.js';
import { SigningKeys } from './auth/signing-keys.js';
import { TokenService } from './auth/token-service.js';
import { AccessTokenVerifier } from './auth/access-token-verifier.js';
import { CallService, type CallServiceDeps } from './calls/call-service.js';
import { PeopleService } from './calls/people-service.js';
import { MeetingFeaturesService } from './calls/meeting-features-service.js';
import { MeetingControlsService } from './calls/meeting-controls-service.js';
import { MediaService } from './calls/media-service.js';
import { latencyProfile } from './calls/latency.js';
import { CallbackUrlPolicy } from './notify/callback-url-policy.js';
import { CALLBACK_SIGNING_KEYS } from './notify/callback-signer.js';
import { CallbackDeliveries } from './notify/callback-deliveries.js';
import { graphNotificationFactory } from './wire/notification-factory.js';
import { Wakeup } from './runtime/wakeup.js';
import type { WaitableClock } from './domain/clock.js';
import { SleepingClock } from './runtime/sleeping-clock.js';
import { createRandom } from './domain/random.js';
import type { FaultBook } from './faults/fault-book.js';
import { MemoryFaultBook } from './faults/memory-fault-book.js';

/** In-process nudges between request handlers and the background workers. */
export interface Wakeups {
  outbox: Wakeup;
  timers: Wakeup;
}

/** Everything the HTTP layer, the workers and the CLI drive. Built once by the composition root. */
export interface Services {
  world: WorldReader;
  worldService: WorldService;
  keys: SigningKeys;
  tokens: TokenService;
  verifier: AccessTokenVerifier;
  calls: CallService;
  people: PeopleService;
  features: MeetingFeaturesService;
  controls: MeetingControlsService;
  media: MediaService;
  /** Keys that sign callbacks (published at /v1/keys). */
  callbackKeys: SigningKeys;
  callbackPolicy: CallbackUrlPolicy;
  /** The delivery log and the outbox, for the control API. */
  deliveries: CallbackDeliveries;
  wake: Wakeups;
  store: Store;
  /** Server time that can be waited on (scenario steps, delayed faults). */
  time: WaitableClock;
  /** Fault injection rules (issue 6). */
  faults: FaultBook;
}

export interface AppDeps {
  config: Config;
  store: Store;
  clock: Clock;
  services: Services;
  /** The admin key that guards /_switchboard/ (read from <data>/admin.key). */
  adminKey: string;
}

export async function createServices(store: Store, clock: Clock, config: Config): Promise<Services> {
  const world = new WorldReader(store);
  const [keys, callbackKeys] = [new SigningKeys(store, clock), new SigningKeys(store, clock, CALLBACK_SIGNING_KEYS)];
  await keys.init();
  await callbackKeys.init();
  const callbackPolicy = new CallbackUrlPolicy(config);
  const wake: Wakeups = { outbox: new Wakeup(), timers: new Wakeup() };
  const callDeps: CallServiceDeps = {
    store,
    clock,
    world,
    notifications: graphNotificationFactory,
    latency: latencyProfile(config.latency),
    wake,
    checkCallbackUri: (url) => callbackPolicy.check(url),
  };
  return {
    world,
    worldService: new WorldService(store, clock),
    keys,
    tokens: new TokenService({ keys, world, clock }),
    verifier: new AccessTokenVerifier({ keys, world, clock }),
    calls: new CallService(callDeps),
    people: new PeopleService(callDeps),
    features: new MeetingFeaturesService(callDeps),
    controls: new MeetingControlsService(callDeps),
    media: new MediaService(callDeps),
    callbackKeys,
    callbackPolicy,
    deliveries: new CallbackDeliveries({ store, wake: wake.outbox }),
    wake,
    store,
    time: new SleepingClock(clock, config.timeScale),
    faults: new MemoryFaultBook(createRandom('faults')),
  };
}
