#!/usr/bin/env node
/**
 * The npm registry reachable here serves each platform package of a native tool only for some platforms
 * (linux-x64 always, darwin/win32 builds of the newest versions often not), so `npm install` writes a lock file
 * without them and `npm ci` then refuses it as out of sync. This adds the missing optional platform packages with
 * their os/cpu restrictions: npm ci on Linux skips them, as it would skip them with a complete lock file.
 * Run it after any dependency change: `npm install && npm run lockfile`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}

const OS_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['darwin', 'darwin'],
  ['win32', 'win32'],
  ['windows', 'win32'],
  ['freebsd', 'freebsd'],
  ['android', 'android'],
  ['linux', 'linux'],
];

function platformEntry(name: string, version: string): LockEntry {
  const base = name.split('/').pop()!;
  const entry: LockEntry = { version, optional: true };
  const cpu = ['arm64', 'x64', 'ia32', 'wasm32'].find((c) => base.includes(c));
  if (cpu) entry.cpu = [cpu];
  const os = OS_WORDS.find(([word]) => base.includes(word))?.[1];
  if (os) entry.os = [os];
  if (base.endsWith('-gnu')) entry.libc = ['glibc'];
  if (base.endsWith('-musl')) entry.libc = ['musl'];
  return entry;
}

const path = 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, LockEntry> };
const added: string[] = [];
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (key in lock.packages) continue;
    lock.packages[key] = platformEntry(name, version);
    added.push(name);
  }
}
const [root, ...rest] = Object.entries(lock.packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(added.length ? `added ${added.length} platform entries: ${added.join(', ')}\n` : 'lock file complete\n');
