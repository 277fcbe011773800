/**
 * The bundled Neo4j: fetch Community jars from Maven Central, start, stop, status. The
 * command line for it is scripts/neo4j.ts (npm run neo4j). Data, logs and jars live in
 * .neo4j/ (ignored by git); each Bolt port has its own data folder, so a test run never
 * touches the data of a running dev server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const NEO4J_DIR = join(ROOT, '.neo4j');
const LIB = join(NEO4J_DIR, 'lib');
const RESOURCES = join(__dirname, 'bundled-neo4j');
const JAVA_SOURCE = join(RESOURCES, 'Neo4jServer.java');
export const CONF = join(RESOURCES, 'neo4j.conf');
const POM = join(RESOURCES, 'pom.xml');

const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+ExitOnOutOfMemoryError',
  '-Dfile.encoding=UTF-8',
];

export interface Instance {
  port: number;
  home: string;
  pidFile: string;
  logFile: string;
}

export function instance(port = Number(process.env.NEO4J_BOLT_PORT ?? 7687)): Instance {
  const home = join(NEO4J_DIR, `server-${port}`);
  return { port, home, pidFile: join(home, 'neo4j.pid'), logFile: join(home, 'server.log') };
}

function log(message: string): void {
  process.stderr.write(`[neo4j] ${message}\n`);
}

/** Downloads the jars once (about 123 MB, 213 files). */
export function fetchJars(): void {
  if (existsSync(LIB) && readdirSync(LIB).some((f) => f.startsWith('neo4j-kernel-'))) return;
  log('fetching Neo4j Community jars from Maven Central (about 123 MB, once)...');
  const started = Date.now();
  const result = spawnSync(
    'mvn',
    ['-q', '-B', '-f', POM, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${LIB}`],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) {
    throw new Error(
      'mvn could not fetch org.neo4j:neo4j; check that Maven Central is reachable (mvn -v, ~/.m2/settings.xml)',
    );
  }
  log(`jars ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${readdirSync(LIB).length} files)`);
}

/**
 * The launcher compiled once into a jar (named by its source's hash), instead of Java's
 * single-file mode compiling it at every start (about 1.5 s of each start on 2 cores). Null
 * when there is no javac/jar: the source is then run as it is.
 */
function launcherJar(): string | null {
  const source = readFileSync(JAVA_SOURCE);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const jar = join(NEO4J_DIR, `launcher-${hash}.jar`);
  if (existsSync(jar)) return jar;
  const build = mkdtempSync(join(NEO4J_DIR, 'launcher-build-'));
  try {
    const javac = spawnSync('javac', ['-cp', `${LIB}/*`, '-d', build, JAVA_SOURCE], { encoding: 'utf8' });
    if (javac.status !== 0) return null;
    const classes = readdirSync(build).filter((f) => f.endsWith('.class'));
    const tmp = `${jar}.${process.pid}.tmp`;
    if (spawnSync('jar', ['cf', tmp, '-C', build, ...classes]).status !== 0) return null;
    renameSync(tmp, jar);
    return jar;
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}

/** The class-data archive of a launcher: the classes Neo4j loads, mapped in ready-made (start 8.5 s -> 5.3 s here). */
const archiveOf = (jar: string) => jar.replace(/\.jar$/, '.jsa');
/** Where a server that found no archive dumps one as it exits (adopted by stop(), or by the next start on that port). */
const archiveDumpOf = (jar: string, inst: Instance) => `${archiveOf(jar)}.${inst.port}.tmp`;

/** Puts an archive a server dumped in place, once its server is gone (an exit mid-dump leaves a file the JVM refuses and ignores). */
function adoptArchive(jar: string | null, inst: Instance): void {
  if (!jar) return;
  const dump = archiveDumpOf(jar, inst);
  if (!existsSync(dump)) return;
  if (existsSync(archiveOf(jar))) rmSync(dump, { force: true });
  else renameSync(dump, archiveOf(jar));
}

/**
 * How the JVM runs the launcher: from its jar, mapping the class-data archive when there is
 * one, or dumping one at exit when there is not (Java's dynamic AppCDS); from source without
 * a JDK's javac.
 */
function launcher(inst: Instance): string[] {
  const jar = launcherJar();
  if (!jar) return ['-cp', `${LIB}/*`, JAVA_SOURCE];
  adoptArchive(jar, inst);
  const archive = archiveOf(jar);
  const dumping = !existsSync(archive);
  // Marks a server that will dump an archive as it exits: stop() cuts that dump short once another made one.
  if (dumping) writeFileSync(join(inst.home, 'dumps-archive'), archive);
  else rmSync(join(inst.home, 'dumps-archive'), { force: true });
  const cds = dumping ? [`-XX:ArchiveClassesAtExit=${archiveDumpOf(jar, inst)}`] : [`-XX:SharedArchiveFile=${archive}`];
  // The archive's own warnings (classes it cannot hold) are not the server's news.
  return [...cds, '-Xlog:cds=off', '-Xlog:cds+dynamic=off', '-cp', `${LIB}/*:${jar}`, 'Neo4jServer'];
}

function readPid(inst: Instance): number | null {
  if (!existsSync(inst.pidFile)) return null;
  const pid = Number(readFileSync(inst.pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the server in the background and resolves once it has printed its ready line:
 * 'started', or 'already-running' when a server of ours answered on that port (whoever
 * started it stops it). `conf`: another settings file (tests start an auth-enabled server).
 * `watchPid`: the server stops itself, cleanly, once that process is gone (a test run that was
 * killed leaves no server behind).
 */
export async function start(
  inst = instance(),
  timeoutMs = 120_000,
  { conf = CONF, watchPid }: { conf?: string; watchPid?: number } = {},
): Promise<'started' | 'already-running'> {
  // A server of ours may be starting or stopping: wait until it answers or is gone.
  const waitUntil = Date.now() + timeoutMs;
  while (readPid(inst) !== null) {
    if (Date.now() > waitUntil)
      throw new Error(`pid ${readPid(inst)} holds ${inst.home} but never answered; stop it (npm run neo4j -- stop)`);
    if (existsSync(inst.logFile) && readFileSync(inst.logFile, 'utf8').includes('NEO4J STOPPING')) {
      await sleep(250);
      continue;
    }
    if (await portOpen(inst.port)) {
      log(`already running on bolt://127.0.0.1:${inst.port} (pid ${readPid(inst)})`);
      return 'already-running';
    }
    await sleep(250);
  }
  if (await portOpen(inst.port)) {
    throw new Error(
      `port ${inst.port} is taken by another process; set NEO4J_BOLT_PORT to a free port or NEO4J_URI to that server`,
    );
  }
  fetchJars();
  mkdirSync(inst.home, { recursive: true });
  const heap = process.env.NEO4J_HEAP ?? '1g';
  const out = openSync(inst.logFile, 'w');
  const child = spawn(
    'java',
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      ...JVM_FLAGS,
      ...launcher(inst),
      inst.home,
      String(inst.port),
      conf,
      ...(watchPid ? [String(watchPid)] : []),
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  child.unref();
  writeFileSync(inst.pidFile, String(child.pid));
  log(`starting on bolt://127.0.0.1:${inst.port} (pid ${child.pid}, heap ${heap}, log ${inst.logFile})...`);
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const text = readFileSync(inst.logFile, 'utf8');
    if (text.includes('NEO4J READY') && (await portOpen(inst.port))) {
      log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 'started';
    }
    if (readPid(inst) === null)
      throw new Error(`Neo4j exited during start-up; see ${inst.logFile}:\n${text.slice(-2000)}`);
    await sleep(250);
  }
  throw new Error(`Neo4j was not ready after ${timeoutMs / 1000} s; see ${inst.logFile}`);
}

/** SIGTERM, then waits for the store to close (under a second; the first stop after the jars arrive also writes the class-data archive). */
export async function stop(inst = instance(), timeoutMs = 60_000): Promise<void> {
  const pid = readPid(inst);
  if (pid === null) {
    log('not running');
    return;
  }
  process.kill(pid, 'SIGTERM');
  const started = Date.now();
  const marker = join(inst.home, 'dumps-archive');
  while (readPid(inst) !== null) {
    if (Date.now() - started > timeoutMs) {
      log('did not stop in time; sending SIGKILL');
      process.kill(pid, 'SIGKILL');
      break;
    }
    // The store is closed ("NEO4J STOPPED"); what is left is a class-data dump another server has
    // made meanwhile (about 10 s on a loaded machine): cut it short.
    if (
      existsSync(marker) &&
      existsSync(readFileSync(marker, 'utf8')) &&
      readFileSync(inst.logFile, 'utf8').includes('NEO4J STOPPED')
    ) {
      process.kill(pid, 'SIGKILL');
      rmSync(marker, { force: true });
    }
    await sleep(200);
  }
  rmSync(inst.pidFile, { force: true });
  const jar = launcherJar();
  adoptArchive(jar, inst);
  log(`stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function status(inst = instance()): Promise<boolean> {
  const pid = readPid(inst);
  const up = pid !== null && (await portOpen(inst.port));
  log(up ? `running on bolt://127.0.0.1:${inst.port} (pid ${pid})` : 'not running');
  return up;
}
