import type { Config } from './config/schema.js';
import type { Clock } from './domain/clock.js';
import type { Store } from './storage/ports.js';
import { WorldReader } from './world/world-reader.js';
import { WorldService } from './world/world-service.js';
import { SigningKeys } from './auth/signing-keys.js';
import { TokenService } from './auth/token-service.js';
import { AccessTokenVerifier } from './auth/access-token-verifier.js';

/** Everything the HTTP layer and the CLI drive. Built once by the composition root. */
export interface Services {
  world: WorldReader;
  worldService: WorldService;
  keys: SigningKeys;
  tokens: TokenService;
  verifier: AccessTokenVerifier;
}

export interface AppDeps {
  config: Config;
  store: Store;
  clock: Clock;
  services: Services;
  /** The admin key that guards /_switchboard/ (read from <data>/admin.key). */
  adminKey: string;
}

export async function createServices(store: Store, clock: Clock): Promise<Services> {
  const world = new WorldReader(store);
  const keys = new SigningKeys(store, clock);
  await keys.init();
  return {
    world,
    worldService: new WorldService(store, clock),
    keys,
    tokens: new TokenService({ keys, world, clock }),
    verifier: new AccessTokenVerifier({ keys, world, clock }),
  };
}
