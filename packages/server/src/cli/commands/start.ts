import { Command, Option } from 'commander';
import { loadConfig } from '../../config/load.js';
import { startOptions } from '../../config/options.js';
import { startServer } from '../../runtime/start-server.js';
import { DEMO } from '../../world/demo-world.js';
import { renderBanner } from '../banner.js';

/** `switchboard start`: every flag has an environment twin, both shown in --help. */
export function registerStartCommand(program: Command): void {
  const command = program.command('start').description('start the service with its demo world');
  for (const spec of startOptions) {
    command.addOption(new Option(spec.flag, `${spec.help} [env: ${spec.env}]`));
  }
  command.action(async (flags: Record<string, unknown>) => {
    const startedAt = performance.now();
    const config = loadConfig(renameFlags(flags), process.env);
    const server = await startServer(config);
    process.stdout.write(renderBanner(server, DEMO, Math.round(performance.now() - startedAt)));
    const stop = (): void => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Map commander's camel-cased flag names onto config keys (env twins are read by loadConfig). */
function renameFlags(flags: Record<string, unknown>): Record<string, unknown> {
  const { data, database, world, tlsName, callbackHost, callbackTimeout, callbackAttempts, callbackMaxAge, ...rest } = flags;
  return { ...rest, dataDir: data, database, worldFile: world, tlsNames: tlsName, callbackHosts: callbackHost, callbackTimeoutMs: callbackTimeout, callbackMaxAttempts: callbackAttempts, callbackMaxAgeMs: callbackMaxAge };
}
