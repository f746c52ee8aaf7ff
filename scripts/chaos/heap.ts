// The live JavaScript heap of an app instance, read through its inspector (each life starts with
// --inspect on a port of its own, bound to 127.0.0.1): a full collection, then the heap's used size. What a
// leak grows is what survives a collection; RSS also holds V8's reservation, which it sizes to the
// allocation rate, and malloc's free lists, so RSS is reported beside it rather than judged.
import WebSocket from "ws";

export class HeapProbe {
  private socket: WebSocket | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly port: number) {}

  private async connect(): Promise<WebSocket> {
    if (this.socket?.readyState === WebSocket.OPEN) return this.socket;
    const list = (await (await fetch(`http://127.0.0.1:${this.port}/json/list`, { signal: AbortSignal.timeout(2000) })).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const socket = new WebSocket(list[0]!.webSocketDebuggerUrl);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
    socket.on("close", () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error("inspector closed"));
      this.pending.clear();
    });
    this.socket = socket;
    return socket;
  }

  private async call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const socket = await this.connect();
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params }));
      setTimeout(() => {
        if (this.pending.delete(id)) reject(new Error(`${method}: no answer in 10 s`));
      }, 10_000).unref();
    });
  }

  /** MB in use right after a full collection (undefined if the instance did not answer: killed, or starting). */
  async liveMb(): Promise<number | undefined> {
    try {
      // One ordinary full collection, as `global.gc()` does (--expose-gc set for this one function), not the
      // inspector's HeapProfiler.collectGarbage: that is V8's low-memory notification, which also throws away
      // compiled code, and a run probed every 15 s then spends its time compiling it again.
      const { result, exceptionDetails } = await this.call<{ result: { value?: number }; exceptionDetails?: unknown }>("Runtime.evaluate", {
        expression: `(() => {
          const load = process.getBuiltinModule ?? process.mainModule.require;
          const gc = (globalThis[Symbol.for("kassa.chaos.gc")] ??= (load("v8").setFlagsFromString("--expose-gc"), load("vm").runInNewContext("gc")));
          gc();
          return process.memoryUsage().heapUsed;
        })()`,
        returnByValue: true,
      });
      if (exceptionDetails || typeof result.value !== "number") return undefined;
      return Math.round((result.value / 1048576) * 10) / 10;
    } catch {
      return undefined;
    }
  }

  close(): void {
    this.socket?.terminate();
    this.socket = undefined;
  }
}
