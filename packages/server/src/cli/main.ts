import { Command } from 'commander';
import { registerStartCommand } from './commands/start.js';
import { registerWorldCommand } from './commands/world.js';
import { registerConsentCommand } from './commands/consent.js';
import { registerTokenCommand } from './commands/token.js';
import { registerKeysCommand } from './commands/keys.js';
import { registerPermissionsCommand } from './commands/permissions.js';
import { registerPeopleCommand } from './commands/people.js';
import { registerMeetingConfigCommand } from './commands/meeting-config.js';
import { registerFaultsCommand } from './commands/faults.js';
import { registerClockCommand } from './commands/clock.js';
import { registerStateCommands } from './commands/state.js';
import { registerScenarioCommand } from './commands/scenario.js';
import { registerCallFaultsCommand } from './commands/call-faults.js';
import { registerCertsCommand } from './commands/certs.js';

/** `switchboard <command>`: one file per command under commands/. */
export function buildProgram(): Command {
  const program = new Command('switchboard')
    .description('Switchboard: a local Microsoft Graph calling API with an Entra-compatible token service')
    .showHelpAfterError();
  for (const register of [registerStartCommand, registerWorldCommand, registerConsentCommand, registerTokenCommand, registerKeysCommand, registerPermissionsCommand, registerPeopleCommand, registerMeetingConfigCommand, registerFaultsCommand, registerClockCommand, registerStateCommands, registerScenarioCommand, registerCallFaultsCommand, registerCertsCommand]) {
    register(program);
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
