/**
 * The generators sdkgen is compared with live in scripts/bench/peers, a
 * package of its own (see its package.json); installed on first use.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const peersFolder = join(__dirname, '..', 'peers');

export function ensurePeersInstalled(): void {
  if (existsSync(join(peersFolder, 'node_modules', '.bin', 'oazapfts'))) return;
  console.error('Installing the peer generators in scripts/bench/peers (once)...');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: peersFolder, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci in scripts/bench/peers failed');
}

export function peerBin(name: string): string {
  return join(peersFolder, 'node_modules', '.bin', name);
}
