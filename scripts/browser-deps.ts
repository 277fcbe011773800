/**
 * What the browser test tier needs: Debian's Chromium and a CJK font (without one, Chinese
 * text renders as empty boxes). `npm test` runs this first: it installs what is missing
 * with apt-get when it can (root), and otherwise says exactly what to install.
 *   npm run browser-deps [-- --check]     --check: report only, exit 1 when something is missing
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-wqy-zenhei'];

function hasCjkFont(): boolean {
  try {
    return /wqy|noto sans cjk|noto serif cjk|droid sans fallback/i.test(
      execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }),
    );
  } catch {
    return false;
  }
}

function missing(): string[] {
  return [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(hasCjkFont() ? [] : ['fonts-wqy-zenhei'])];
}

const log = (m: string) => process.stderr.write(`[browser-deps] ${m}\n`);
const needed = missing();
if (needed.length === 0) process.exit(0);
const hint = `apt-get update && apt-get install -y ${PACKAGES.join(' ')} (or set CHROMIUM_PATH to a Chromium)`;
if (process.argv.includes('--check')) {
  log(`missing: ${needed.join(', ')}; install with: ${hint}`);
  process.exit(1);
}
if (process.getuid?.() !== 0) {
  log(`missing: ${needed.join(', ')}, and this user cannot install packages; run as root: ${hint}`);
  process.exit(1);
}
log(`installing ${needed.join(', ')} with apt-get (once)...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', ...needed],
]) {
  const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (r.status !== 0) {
    log(`apt-get ${args[0]} failed (exit ${r.status}); install by hand: ${hint}`);
    process.exit(1);
  }
}
const still = missing();
if (still.length) {
  log(`still missing after apt-get: ${still.join(', ')}; ${hint}`);
  process.exit(1);
}
log('ready');
