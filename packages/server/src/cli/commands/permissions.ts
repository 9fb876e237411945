import type { Command } from 'commander';
import { permissionPage, permissionSummaries } from '../../permissions/authorize.js';
import { permissionNames } from '../../permissions/catalogue.js';
import { renderPermissionList, renderPermissionPage } from '../../permissions/render-page.js';

export interface PermissionsOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const asJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** What `switchboard permissions [name] [--json]` prints; reads the bundled data, no server needed. */
export function permissionsOutput(name: string | undefined, options: { json?: boolean } = {}): PermissionsOutput {
  if (name === undefined) {
    const summaries = permissionSummaries();
    return { exitCode: 0, stdout: options.json ? asJson(summaries) : renderPermissionList(summaries), stderr: '' };
  }
  const page = permissionPage(name);
  if (!page) {
    return { exitCode: 1, stdout: '', stderr: `[switchboard] unknown permission '${name}'; valid names: ${permissionNames().join(', ')}\n` };
  }
  return { exitCode: 0, stdout: options.json ? asJson(page) : renderPermissionPage(page), stderr: '' };
}

export function registerPermissionsCommand(program: Command): void {
  program
    .command('permissions')
    .description('List the calling-API permissions, or show the page of one (name is case-insensitive)')
    .argument('[name]', 'permission name, e.g. Calls.JoinGroupCall.All')
    .option('--json', 'print JSON instead of text')
    .action(function (this: Command, name: string | undefined, options: { json?: boolean }) {
      const output = permissionsOutput(name, options);
      if (output.stdout) this.configureOutput().writeOut?.(output.stdout);
      if (output.exitCode !== 0) this.error(output.stderr.trimEnd(), { exitCode: output.exitCode, code: 'switchboard.permissionNotFound' });
    });
}
