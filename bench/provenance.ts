/*
 * What every benchmark result records beside its figures: the machine it ran on, the commit it
 * measured and the command that ran it, so that a figure is compared only with one taken under
 * the same conditions, and can be taken again.
 */

import { execSync } from 'node:child_process';
import os from 'node:os';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..');

/** CPU model, cores, memory and OS, e.g. `AMD EPYC, 2 cores, 24 GB, Linux 6.18 x64`. */
export function machineDescription(): string {
  const cpu = os.cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(
    os.totalmem() / 1024 ** 3,
  )} GB, ${os.type()} ${os.release()} ${os.arch()}`;
}

/** The short commit, flagged when files outside bench/results differ from it. */
export function commitDescription(): string {
  const git = (cmd: string) =>
    execSync(`git ${cmd}`, { cwd: REPO_ROOT }).toString().trim();
  return `${git('rev-parse --short HEAD')}${
    git('status --porcelain -- . :!bench/results')
      ? ' (with uncommitted changes)'
      : ''
  }`;
}

/** The closing lines of a result's Markdown: the command that produced it. */
export function commandSection(command: string): string[] {
  return [
    'Command, from the repository root:',
    '',
    '```sh',
    command,
    '```',
    '',
  ];
}
