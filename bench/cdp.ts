/**
 * A minimal Chrome DevTools protocol client over one WebSocket, with flattened sessions,
 * for profiling the page and its workers (playwright-core's CDP sessions reach pages only).
 * Starts Debian's chromium headless on a free debugging port. Host code; needs a global
 * WebSocket (Node 22, or Node 20 with --experimental-websocket).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from './chromium';

type Listener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

export class Cdp {
  private next = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private listeners = new Map<string, Listener[]>();

  constructor(private socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Record<string, unknown>; sessionId?: string };
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message.result);
      } else if (message.method) for (const fn of this.listeners.get(message.method) ?? []) fn(message.params ?? {}, message.sessionId);
    });
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  on(method: string, fn: Listener): void {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), fn]);
  }
}

/** Chromium started headless with a debugging port, and a client on its browser endpoint. */
export async function startChromium(args: string[] = []): Promise<{ cdp: Cdp; pid: number; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'balloon-cdp-'));
  const child: ChildProcess = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--remote-debugging-port=0', ...args, 'about:blank'], { stdio: ['ignore', process.env.CHROMIUM_STDOUT ? openSync(process.env.CHROMIUM_STDOUT, 'w') : 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`chromium exited (${code}) before listening: ${text.slice(-500)}`)));
  });
  const socket = new WebSocket(endpoint);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', reject);
  });
  return {
    cdp: new Cdp(socket),
    pid: child.pid!,
    close: () =>
      new Promise<void>((resolve) => {
        socket.close();
        child.once('exit', () => {
          rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
          resolve();
        });
        child.kill();
      }),
  };
}

/** CPU seconds (user + system) by thread name over every process of the tree under `pid` (Linux /proc). */
export function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of safeList(`/proc/${pids[i]}/task`)) {
      const stat = safeRead(`/proc/${pids[i]}/task/${task}/stat`);
      const children = safeRead(`/proc/${pids[i]}/task/${task}/children`);
      for (const c of children.split(/\s+/).filter(Boolean)) pids.push(Number(c));
      const m = /\((.*)\)\s+\S+((?:\s+\S+){13})/.exec(stat);
      if (!m) continue;
      const fields = m[2].trim().split(/\s+/);
      const seconds = (Number(fields[10]) + Number(fields[11])) / 100;
      const name = `${pids[i] === pid ? 'browser' : `p${pids[i]}`}:${m[1]}`;
      out.set(name, (out.get(name) ?? 0) + seconds);
    }
  }
  return out;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
