import type { Command } from 'commander';
import type { MeetingConfiguration } from '../../domain/world/types.js';
import { controlRequest } from '../control-client.js';
import { dataDirOf } from './token.js';

type ControlRequest = typeof controlRequest;

export interface AllowRemoveOptions {
  tenant: string;
  add?: string[];
  remove?: string[];
  data?: string;
}

/**
 * `meeting-config allow-remove --tenant <t> --add <appId>` / `--remove <appId>`: the twin of
 * Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds @{Add=…} / @{Remove=…}.
 * Without --add or --remove it only shows the setting.
 */
export async function allowRemoveOutput(options: AllowRemoveOptions, request: ControlRequest = controlRequest): Promise<string> {
  const path = `/_switchboard/tenants/${encodeURIComponent(options.tenant)}/meetingConfiguration`;
  const change = { add: options.add ?? [], remove: options.remove ?? [] };
  const changing = change.add.length + change.remove.length > 0;
  const configuration = changing
    ? await request<MeetingConfiguration>(dataDirOf(options), 'POST', `${path}/set`, { allowRemoveParticipantAppIds: change })
    : await request<MeetingConfiguration>(dataDirOf(options), 'GET', path);
  const ids = configuration.allowRemoveParticipantAppIds;
  return `[switchboard] tenant ${options.tenant}: apps allowed to remove participants (AllowRemoveParticipantAppIds): ${ids.length ? ids.join(', ') : '(none)'}\n`;
}

const DATA_HELP = 'data directory of the running server [env: SWITCHBOARD_DATA] (default ./.switchboard)';

/** `switchboard meeting-config …`: the tenant's Teams application meeting configuration (running server). */
export function registerMeetingConfigCommand(program: Command): void {
  const config = program.command('meeting-config').description("a tenant's Teams application meeting configuration (Set-CsApplicationMeetingConfiguration; running server)");
  config
    .command('allow-remove')
    .description('add or remove app ids in AllowRemoveParticipantAppIds (apps allowed to DELETE participants); effective immediately')
    .requiredOption('--tenant <id|domain>', 'tenant id or domain, e.g. contoso.example')
    .option('--add <appId...>', 'app ids to add (@{Add=…})')
    .option('--remove <appId...>', 'app ids to remove (@{Remove=…})')
    .option('--data <dir>', DATA_HELP)
    .action(async (options: AllowRemoveOptions) => void process.stdout.write(await allowRemoveOutput(options)));
}
