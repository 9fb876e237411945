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
import { ChangeFeed } from './observe/change-feed.js';
import { observeStore } from './storage/observed-store.js';
import { timeControlFor, type TimeControl } from './runtime/time-control.js';
import { seedWorld } from './runtime/seed-world.js';
import { StateService } from './state/state-service.js';
import type { FaultBook } from './faults/fault-book.js';
import type { FaultRegistry } from './faults/fault-registry.js';
import { StoredFaultBook } from './faults/stored-fault-book.js';
import { CallFaultInjector } from './faults/call-fault-injector.js';
import type { ScenarioRunner } from './simulation/scenario-runner.js';
import { scenarioRunnerFor } from './simulation/scenario-runner-factory.js';

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
  /** Server time that can be waited on (scenario steps, delayed faults) and steered (pause, advance, scale: docs/time.md). */
  time: TimeControl;
  /** Export, import and reset of the whole state (docs/export-format.md). */
  state: StateService;
  /** Fault injection rules (issue 6). */
  faults: FaultBook;
  /** Call faults on demand (POST /_switchboard/calls/{callId}/faults/{name}). */
  callFaults: CallFaultInjector;
  /** What each committed write touched, for live views (the web console). */
  changes: ChangeFeed;
  /** The same book as `faults`, with what the control API manages: seed, throttling, persistence. */
  faultRules: FaultRegistry;
  /** Scenario runs (issue 6): simulated people acting on a timeline (docs/scenarios.md). */
  scenarios: ScenarioRunner;
}

export interface AppDeps {
  config: Config;
  store: Store;
  clock: Clock;
  services: Services;
  /** The admin key that guards /_switchboard/ (read from <data>/admin.key). */
  adminKey: string;
}

export async function createServices(rawStore: Store, clock: Clock, config: Config): Promise<Services> {
  const changes = new ChangeFeed();
  const store = observeStore(rawStore, changes);
  const world = new WorldReader(store);
  const [keys, callbackKeys] = [new SigningKeys(store, clock), new SigningKeys(store, clock, CALLBACK_SIGNING_KEYS)];
  await keys.init();
  await callbackKeys.init();
  const callbackPolicy = new CallbackUrlPolicy(config);
  const wake: Wakeups = { outbox: new Wakeup(), timers: new Wakeup() };
  const time = timeControlFor(clock, { docs: store.docs, timers: store.timers, wake });
  // A --time-scale other than 1 or a --clock mode overrides the stored time line's (docs/time.md).
  await time.load({ ...(config.timeScale === 1 ? {} : { scale: config.timeScale }), ...(config.clock ? { paused: config.clock === 'paused' } : {}) });
  const worldService = new WorldService(store, clock);
  const faultRules = await StoredFaultBook.open(store.docs, config.faultSeed === undefined ? {} : { seed: config.faultSeed });
  const callDeps: CallServiceDeps = {
    store,
    clock,
    world,
    notifications: graphNotificationFactory,
    latency: latencyProfile(config.latency),
    wake,
    checkCallbackUri: (url) => callbackPolicy.check(url),
    faults: faultRules,
  };
  return {
    world,
    worldService,
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
    changes,
    time,
    state: new StateService({
      store,
      time,
      seedWorld: (inReset) => seedWorld(new WorldService(inReset, clock), config.worldFile),
      afterReplace: async () => {
        // The keys of the new state (or fresh ones when it has none) sign from now on.
        await keys.init();
        await callbackKeys.init();
        wake.timers.notify();
        wake.outbox.notify();
      },
    }),
    faults: faultRules,
    faultRules,
    callFaults: new CallFaultInjector(callDeps),
    scenarios: scenarioRunnerFor(callDeps, time),
  };
}
