/*
 * Drives the backend with wrk (Debian's `wrk` package): closed-loop HTTP load from C, so the load
 * generator costs little of the two cores the backend and the database share. A Lua script sets
 * method, headers and body, and prints the summary as JSON when done.
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  latencyMs: {
    mean: number;
    p50: number;
    p90: number;
    p95: number;
    p99: number;
    max: number;
  };
}

const luaString = (value: string) => JSON.stringify(value);

function luaScript(options: {
  method: string;
  headers: Record<string, string>;
  body?: string;
}): string {
  const headers = Object.entries(options.headers)
    .map(([k, v]) => `wrk.headers[${luaString(k)}] = ${luaString(v)}`)
    .join('\n');
  return `
wrk.method = ${luaString(options.method)}
${headers}
${options.body !== undefined ? `wrk.body = ${luaString(options.body)}` : ''}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write("WRK_JSON ", string.format(
    '{"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
    '"mean":%f,"p50":%d,"p90":%d,"p95":%d,"p99":%d,"max":%d}',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max), "\\n")
end
`;
}

export async function wrk(options: {
  url: string;
  method?: string;
  token: string;
  body?: unknown;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-wrk-'));
  const script = join(dir, 'script.lua');
  writeFileSync(
    script,
    luaScript({
      method: options.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${options.token}`,
        ...(options.body !== undefined
          ? { 'Content-Type': 'application/json' }
          : {}),
      },
      body:
        options.body !== undefined ? JSON.stringify(options.body) : undefined,
    }),
  );
  const { stdout } = await run(
    'wrk',
    [
      '-t',
      String(Math.min(2, options.connections)),
      '-c',
      String(options.connections),
      '-d',
      `${options.seconds}s`,
      '--timeout',
      '10s',
      '-s',
      script,
      options.url,
    ],
    { maxBuffer: 10 * 1024 * 1024 },
  );
  const line = stdout.split('\n').find(l => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
  const raw = JSON.parse(line.slice('WRK_JSON '.length));
  const seconds = raw.duration_us / 1e6;
  const ms = (us: number) => Math.round(us / 10) / 100;
  return {
    requests: raw.requests,
    seconds,
    requestsPerSecond: Math.round((raw.requests / seconds) * 10) / 10,
    errors: raw.connect + raw.read + raw.write + raw.timeout,
    non2xx: raw.status,
    latencyMs: {
      mean: ms(raw.mean),
      p50: ms(raw.p50),
      p90: ms(raw.p90),
      p95: ms(raw.p95),
      p99: ms(raw.p99),
      max: ms(raw.max),
    },
  };
}

export async function wrkVersion(): Promise<string> {
  // wrk -v prints its version and exits with 1.
  const result = await run('wrk', ['-v']).catch((e: { stdout?: string }) => ({
    stdout: e.stdout ?? '',
  }));
  return result.stdout.split('\n')[0].trim();
}
