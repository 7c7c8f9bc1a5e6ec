/**
 * A real nginx (Debian's package; .ci/run installs it) serving a copy of the build with the shipped
 * configuration, deploy/nginx/bulletin.conf, on 127.0.0.1 and a port of its own. It runs in the
 * foreground as a child of the test and is stopped by its own process id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './global-setup';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
/** Where the shipped configuration expects the build; the test puts its copy there instead. */
const SHIPPED_ROOT = '/srv/bulletin/dist';

export interface Nginx {
  pid: number;
  stop(): Promise<void>;
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The shipped server block, pointed at `dir` and listening on 127.0.0.1:`port` only. */
export function shippedConfig(dir: string, port: number): string {
  const shipped = readFileSync(join(ROOT, 'deploy/nginx/bulletin.conf'), 'utf8');
  if (!shipped.includes(SHIPPED_ROOT) || !/^\s*listen 80;$/m.test(shipped)) {
    throw new Error(`deploy/nginx/bulletin.conf no longer has "listen 80;" and ${SHIPPED_ROOT} for the test to point elsewhere`);
  }
  return shipped.replaceAll(SHIPPED_ROOT, dir).replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`);
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startNginx(dir: string, port: number): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error(`nginx is not installed at ${NGINX} (apt-get install -y nginx, or set NGINX_PATH)`);
  // nginx's workers run as an unprivileged user: they must be able to reach the copy.
  for (let d = dir; d !== dirname(d) && d.startsWith(tmpdir()); d = dirname(d)) chmodSync(d, 0o755);
  const prefix = mkdtempSync(join(tmpdir(), 'bulletin-nginx-'));
  writeFileSync(join(prefix, 'bulletin.conf'), shippedConfig(dir, port));
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      'worker_processes 1;',
      'events { worker_connections 256; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(prefix, t)};`),
      `  include ${join(prefix, 'bulletin.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const errors: string[] = [];
  const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', `daemon off; pid ${join(prefix, 'nginx.pid')}; error_log stderr;`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    if (await listening(port)) return { pid: child.pid ?? 0, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`nginx did not start on port ${port}: ${errors.join('').trim() || 'no message'}`);
}
