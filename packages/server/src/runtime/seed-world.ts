import type { WorldService, SeedReport } from '../world/world-service.js';
import { loadWorldFile } from '../world/load-world-file.js';

/** Demo world on first start, then the user's world file (if any) on every start. */
export async function seedWorld(world: WorldService, worldFile: string | undefined): Promise<SeedReport> {
  const file = worldFile ? await loadWorldFile(worldFile) : undefined;
  return world.seed(file);
}
