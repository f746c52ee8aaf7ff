import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";

export interface RedisServer {
  port: number;
  stop(): Promise<void>;
}

const DEFAULT_BIN = "/usr/bin/redis-server";

/** The redis-server binary: $REDIS_SERVER_BIN, Debian's /usr/bin/redis-server, or the first one on $PATH. */
function findRedisServer(): string {
  const fromEnv = process.env.REDIS_SERVER_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`REDIS_SERVER_BIN=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (existsSync(DEFAULT_BIN)) return DEFAULT_BIN;
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(`${dir}/redis-server`)) return `${dir}/redis-server`;
  }
  throw new Error(
    "redis-server is not installed (looked for $REDIS_SERVER_BIN, /usr/bin/redis-server and $PATH). " + "Install it with `apt-get install -y redis-server`.",
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One PING over a fresh connection; resolves true on +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    let data = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      data += chunk.toString("latin1");
      if (data.includes("\r\n")) done(data.startsWith("+PONG"));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startOnce(bin: string, port: number, timeoutMs: number): Promise<RedisServer> {
  const child: ChildProcess = spawn(bin, ["--save", "", "--appendonly", "no", "--port", String(port), "--bind", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));

  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.once("error", (error) => {
      spawnError = error;
      resolve();
    });
  });
  // Never leave a redis-server behind if the test process goes away first.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.removeListener("exit", killOnExit);
    if (exited || spawnError) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exit;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  while (true) {
    if (spawnError) {
      process.removeListener("exit", killOnExit);
      throw new Error(`could not start ${bin}: ${spawnError.message}`, { cause: spawnError });
    }
    if (exited) {
      process.removeListener("exit", killOnExit);
      throw new Error(`redis-server exited (code ${exited.code}, signal ${exited.signal}) before accepting connections on port ${port}:\n${output}`);
    }
    if (await ping(port)) return { port, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not accept connections on 127.0.0.1:${port} within ${timeoutMs} ms:\n${output}`);
    }
    await sleep(50);
  }
}

/**
 * Starts a throwaway redis-server (no persistence) on a free 127.0.0.1 port and waits until it
 * answers PING.
 */
export async function startRedisServer(options: { timeoutMs?: number } = {}): Promise<RedisServer> {
  const bin = findRedisServer();
  let lastError: unknown;
  // The free port can be taken between probing and binding; try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(bin, await freePort(), options.timeoutMs ?? 10_000);
    } catch (error) {
      lastError = error;
      if (!/Address already in use/i.test(String(error))) throw error;
    }
  }
  throw lastError;
}
