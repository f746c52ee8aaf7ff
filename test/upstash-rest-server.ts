/**
 * A local stand-in for Upstash's REST front end, backed by a real redis-server, speaking the
 * protocol exactly as @upstash/redis uses it:
 *
 * - every request is `POST` with `Authorization: Bearer <token>` (401 otherwise);
 * - `POST /` with a JSON array command → `{ "result": … }`, or `{ "error": "…" }` with status 400;
 * - `POST /pipeline` with an array of commands → `[{ "result": … } | { "error": "…" }, …]` (status 200
 *   even when single commands fail; the client auto-pipelines every command through here by default);
 * - `POST /multi-exec` → the same shape, run atomically in MULTI/EXEC; a transaction Redis aborts
 *   (EXECABORT) answers `{ "error" }` with status 400;
 * - with the `Upstash-Encoding: base64` request header (the client's default) every string in a result
 *   is base64 (bulk and status strings alike) except the status reply "OK", which the client expects
 *   verbatim; integers stay JSON numbers, nils JSON null, arrays nest; errors are never encoded.
 *
 * Debian's Redis 7.0 rejects the `#!lua flags=allow-key-locking` shebang of @upstash/ratelimit's
 * scripts, so EVAL / EVAL_RO / SCRIPT LOAD bodies are rewritten (unknown flags dropped; a shebang left
 * without flags becomes an empty line, i.e. a legacy script, so EVAL_RO keeps working and line numbers
 * stay put). The sha1 of the client's original script is mapped to the sha1 of the rewritten one, so
 * EVALSHA / EVALSHA_RO / SCRIPT EXISTS with the client's hard-coded hashes work once the script was
 * seen; before that Redis answers NOSCRIPT, which @upstash/ratelimit answers with EVAL.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import net from "node:net";

// ---------------------------------------------------------------------------------------------
// A small RESP2 client over node:net.
// ---------------------------------------------------------------------------------------------

export class RespError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RespError";
  }
}

/** Bulk strings are Buffers, status replies strings, errors RespError values (also when nested). */
export type RespValue = string | number | Buffer | null | RespError | RespValue[];

const INCOMPLETE = Symbol("incomplete");

function parseReply(buf: Buffer, pos: number): [RespValue, number] | typeof INCOMPLETE {
  const eol = buf.indexOf("\r\n", pos);
  if (eol < 0) return INCOMPLETE;
  const type = String.fromCharCode(buf[pos]!);
  const line = buf.toString("utf8", pos + 1, eol);
  const next = eol + 2;
  switch (type) {
    case "+":
      return [line, next];
    case "-":
      return [new RespError(line), next];
    case ":":
      return [Number(line), next];
    case "$": {
      const len = Number(line);
      if (len < 0) return [null, next];
      if (buf.length < next + len + 2) return INCOMPLETE;
      return [Buffer.from(buf.subarray(next, next + len)), next + len + 2];
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return [null, next];
      const items: RespValue[] = [];
      let at = next;
      for (let i = 0; i < count; i++) {
        const parsed = parseReply(buf, at);
        if (parsed === INCOMPLETE) return INCOMPLETE;
        items.push(parsed[0]);
        at = parsed[1];
      }
      return [items, at];
    }
    default:
      throw new Error(`unexpected RESP type byte ${JSON.stringify(type)}`);
  }
}

function encodeCommand(args: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = typeof arg === "string" ? Buffer.from(arg) : arg;
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}

interface Pending {
  resolve(value: RespValue): void;
  reject(error: Error): void;
}

/**
 * One pipelined connection: replies come back in the order commands were written, so commands
 * written in one synchronous stretch (MULTI … EXEC) are never interleaved with others.
 */
export class RespClient {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private failure: Error | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.on("data", (chunk) => this.onData(chunk));
    socket.on("error", (error) => this.fail(error));
    socket.on("close", () => this.fail(new Error("redis connection closed")));
  }

  static connect(port: number, host = "127.0.0.1"): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host });
      socket.setNoDelay(true);
      socket.once("error", reject);
      socket.once("connect", () => {
        socket.removeListener("error", reject);
        resolve(new RespClient(socket));
      });
    });
  }

  get closed(): boolean {
    return this.failure !== undefined;
  }

  /** Sends one command; error replies resolve as RespError values. */
  send(args: readonly (string | Buffer)[]): Promise<RespValue> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.socket.write(encodeCommand(args));
    });
  }

  /** Sends one command; error replies reject. */
  async call(...args: (string | number | Buffer)[]): Promise<RespValue> {
    const reply = await this.send(args.map((a) => (typeof a === "number" ? String(a) : a)));
    if (reply instanceof RespError) throw reply;
    return reply;
  }

  close(): void {
    this.fail(new Error("redis connection closed by client"));
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let pos = 0;
    while (pos < this.buffer.length) {
      let parsed: ReturnType<typeof parseReply>;
      try {
        parsed = parseReply(this.buffer, pos);
      } catch (error) {
        this.fail(error as Error);
        this.socket.destroy();
        return;
      }
      if (parsed === INCOMPLETE) break;
      pos = parsed[1];
      this.pending.shift()?.resolve(parsed[0]);
    }
    this.buffer = this.buffer.subarray(pos);
  }

  private fail(error: Error): void {
    if (!this.failure) this.failure = error;
    for (const p of this.pending.splice(0)) p.reject(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Lua shebang rewriting.
// ---------------------------------------------------------------------------------------------

/** Script flags Redis 7.0 knows; anything else (allow-key-locking…) makes it reject the script. */
const REDIS_70_FLAGS = new Set(["no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys"]);

/** Drops shebang flags Redis 7.0 does not know; a flagless shebang becomes an empty line. */
export function rewriteScript(script: string): string {
  if (!script.startsWith("#!")) return script;
  const eol = script.indexOf("\n");
  const first = eol < 0 ? script : script.slice(0, eol);
  const rest = eol < 0 ? "" : script.slice(eol);
  const match = /^#!lua\s*(.*)$/.exec(first.trimEnd());
  if (!match) return script;
  const params = match[1]!.split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (const param of params) {
    if (!param.startsWith("flags=")) {
      kept.push(param);
      continue;
    }
    const flags = param
      .slice("flags=".length)
      .split(",")
      .filter((f) => REDIS_70_FLAGS.has(f));
    if (flags.length) kept.push(`flags=${flags.join(",")}`);
  }
  // Without flags a shebang script is still treated as a writer (EVAL_RO refuses it); a legacy
  // script without shebang is not, which is what the client's scripts amount to.
  return (kept.some((p) => p.startsWith("flags=")) ? `#!lua ${kept.join(" ")}` : "") + rest;
}

const sha1 = (text: string | Buffer) => createHash("sha1").update(text).digest("hex");

// ---------------------------------------------------------------------------------------------
// The REST server.
// ---------------------------------------------------------------------------------------------

export interface UpstashRestServerOptions {
  redisPort: number;
  redisHost?: string;
  token?: string;
  /** Delay before each request is handled, to make the client's timeouts fire. */
  delayMs?: number;
}

export interface UpstashRestServer {
  /** Base URL for `new Redis({ url })` / UPSTASH_REDIS_REST_URL. */
  url: string;
  token: string;
  port: number;
  /** Mutable: delay applied to requests arriving from now on. */
  delayMs: number;
  /** Every command received (as strings, before script rewriting), in arrival order. */
  commands: string[][];
  close(): Promise<void>;
}

type Arg = string | Buffer;
interface Translated {
  args: Arg[];
  /** Post-processes a successful reply. */
  post?: (reply: RespValue) => RespValue;
}

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

class BadRequest extends Error {}

function toArgs(command: unknown): Arg[] {
  if (!Array.isArray(command) || command.length === 0) throw new BadRequest("ERR command must be a non-empty JSON array");
  return command.map((part: unknown) => {
    if (typeof part === "string") return part;
    if (typeof part === "number" || typeof part === "boolean") return String(part);
    return JSON.stringify(part);
  });
}

const argString = (a: Arg) => (typeof a === "string" ? a : a.toString("utf8"));

function encodeResult(value: RespValue, base64: boolean): JsonValue {
  if (value === null || typeof value === "number") return value;
  if (Buffer.isBuffer(value)) return base64 ? value.toString("base64") : value.toString("utf8");
  if (typeof value === "string") return base64 && value !== "OK" ? Buffer.from(value).toString("base64") : value;
  if (value instanceof RespError) return value.message;
  return value.map((v) => encodeResult(v, base64));
}

export async function startUpstashRestServer(options: UpstashRestServerOptions): Promise<UpstashRestServer> {
  const token = options.token ?? "test-token";
  const redisHost = options.redisHost ?? "127.0.0.1";
  const scriptShas = new Map<string, string>(); // sha1(original) -> sha1(rewritten)
  const commands: string[][] = [];
  let closed = false;
  const sleepers = new Set<() => void>();

  let client: RespClient | undefined;
  let connecting: Promise<RespClient> | undefined;
  const redis = async (): Promise<RespClient> => {
    if (client && !client.closed) return client;
    connecting ??= RespClient.connect(options.redisPort, redisHost).finally(() => (connecting = undefined));
    client = await connecting;
    return client;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  function learnScript(script: Arg): Arg {
    const original = argString(script);
    const rewritten = rewriteScript(original);
    if (rewritten === original) return script;
    scriptShas.set(sha1(original), sha1(rewritten));
    return rewritten;
  }
  const mapSha = (sha: Arg): Arg => scriptShas.get(argString(sha).toLowerCase()) ?? sha;

  function translate(args: Arg[]): Translated {
    const name = argString(args[0]!).toLowerCase();
    if ((name === "eval" || name === "eval_ro") && args.length >= 2) {
      return { args: [args[0]!, learnScript(args[1]!), ...args.slice(2)] };
    }
    if ((name === "evalsha" || name === "evalsha_ro") && args.length >= 2) {
      return { args: [args[0]!, mapSha(args[1]!), ...args.slice(2)] };
    }
    if (name === "script" && args.length >= 3) {
      const sub = argString(args[1]!).toLowerCase();
      if (sub === "load") {
        const originalSha = sha1(argString(args[2]!));
        // Redis answers the rewritten script's sha; the client expects its own script's.
        return { args: [args[0]!, args[1]!, learnScript(args[2]!), ...args.slice(3)], post: () => Buffer.from(originalSha) };
      }
      if (sub === "exists") return { args: [args[0]!, args[1]!, ...args.slice(2).map(mapSha)] };
    }
    return { args };
  }

  function record(args: Arg[]): void {
    commands.push(args.map(argString));
  }

  async function runOne(command: unknown): Promise<RespValue> {
    const args = toArgs(command);
    record(args);
    const t = translate(args);
    const reply = await (await redis()).send(t.args);
    return reply instanceof RespError || !t.post ? reply : t.post(reply);
  }

  async function runPipeline(body: unknown): Promise<RespValue[]> {
    if (!Array.isArray(body) || body.length === 0) throw new BadRequest("ERR pipeline body must be a non-empty array of commands");
    const translated: (Translated | BadRequest)[] = body.map((command) => {
      try {
        const args = toArgs(command);
        record(args);
        return translate(args);
      } catch (error) {
        if (error instanceof BadRequest) return error;
        throw error;
      }
    });
    const conn = await redis();
    // Written back to back, answered in order.
    const replies = translated.map((t) => (t instanceof BadRequest ? Promise.resolve<RespValue>(new RespError(t.message)) : conn.send(t.args)));
    return Promise.all(
      replies.map(async (reply, i) => {
        const value = await reply;
        const t = translated[i]!;
        return value instanceof RespError || t instanceof BadRequest || !t.post ? value : t.post(value);
      }),
    );
  }

  async function runTransaction(body: unknown): Promise<RespValue[] | RespError> {
    if (!Array.isArray(body) || body.length === 0) throw new BadRequest("ERR multi-exec body must be a non-empty array of commands");
    const translated = body.map((command) => {
      const args = toArgs(command);
      record(args);
      return translate(args);
    });
    const conn = await redis();
    // MULTI, the commands and EXEC go out in one synchronous stretch on the shared connection, so no
    // other request's command can land inside the transaction.
    const multi = conn.send(["MULTI"]);
    const queued = translated.map((t) => conn.send(t.args));
    const exec = conn.send(["EXEC"]);
    const replies = await Promise.all([multi, ...queued, exec]);
    const multiReply = replies[0]!;
    const queuedReplies = replies.slice(1, -1);
    const execReply = replies[replies.length - 1]!;
    if (multiReply instanceof RespError) return multiReply;
    if (execReply instanceof RespError) {
      const cause = queuedReplies.find((r) => r instanceof RespError);
      return cause instanceof RespError ? new RespError(`${execReply.message} (${cause.message})`) : execReply;
    }
    if (!Array.isArray(execReply)) return new RespError("ERR transaction aborted");
    return execReply.map((value, i) => {
      const t = translated[i]!;
      return value instanceof RespError || !t.post ? value : t.post(value);
    });
  }

  const itemOf = (value: RespValue, base64: boolean): JsonValue =>
    value instanceof RespError ? { error: value.message } : { result: encodeResult(value, base64) };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, payload: JsonValue) => {
      if (res.destroyed || res.headersSent) return;
      const text = JSON.stringify(payload);
      res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
      res.end(text);
    };

    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (server.delayMs > 0) await sleep(server.delayMs);
    if (closed || res.destroyed) return;

    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: "Unauthorized" });
    if (req.method !== "POST") return send(405, { error: "ERR only POST is supported" });
    const path = (req.url ?? "/").split("?")[0]!.replace(/\/+$/, "") || "/";
    if (path !== "/" && path !== "/pipeline" && path !== "/multi-exec") return send(404, { error: `ERR unknown path ${path}` });

    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return send(400, { error: "ERR failed to parse request body as JSON" });
    }
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";

    try {
      if (path === "/") {
        const reply = await runOne(body);
        if (reply instanceof RespError) return send(400, { error: reply.message });
        return send(200, { result: encodeResult(reply, base64) });
      }
      if (path === "/pipeline") {
        const replies = await runPipeline(body);
        return send(
          200,
          replies.map((r) => itemOf(r, base64)),
        );
      }
      const replies = await runTransaction(body);
      if (replies instanceof RespError) return send(400, { error: replies.message });
      return send(
        200,
        replies.map((r) => itemOf(r, base64)),
      );
    } catch (error) {
      if (error instanceof BadRequest) return send(400, { error: error.message });
      return send(500, { error: `ERR upstash-rest-server: ${(error as Error).message}` });
    }
  }

  const httpServer = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: String(error) }));
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(0, "127.0.0.1", () => {
      httpServer.removeListener("error", reject);
      resolve();
    });
  });
  const port = (httpServer.address() as net.AddressInfo).port;

  const server: UpstashRestServer = {
    url: `http://127.0.0.1:${port}`,
    token,
    port,
    delayMs: options.delayMs ?? 0,
    commands,
    async close() {
      if (closed) return;
      closed = true;
      for (const wake of [...sleepers]) wake();
      const done = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await done;
      client?.close();
    },
  };
  return server;
}
