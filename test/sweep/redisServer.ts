/** A real redis-server for tests, on a free loopback port, that a test can kill with -9 and start again (empty) on the same port. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { BIN, ensureBuilt } from '../cli/helpers';

export const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RedisServer {
  private child: ChildProcess | undefined;
  constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts redis-server without persistence: every start is empty. */
  async restart(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 200 && !(await canConnect(this.port)); i++) await sleep(50);
  }

  /** kill -9, and wait until the port refuses connections. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }
}

/**
 * For the tests of one describe block: a redis-server started before them, and the
 * CLI processes they start (`balloon ARGS`, output piped), each killed after
 * `limitMs` so a bug can never hang the test run; after the tests every process
 * left and the server are killed.
 */
export function redisAndCli(limitMs: number): { readonly url: string; start(args: string[]): ChildProcess } {
  let redis: RedisServer | undefined;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    ensureBuilt();
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await redis?.kill();
  });
  return {
    get url() {
      return redis!.url;
    },
    start(args) {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      const limit = setTimeout(() => child.kill('SIGKILL'), limitMs);
      child.on('exit', () => clearTimeout(limit));
      return child;
    },
  };
}
