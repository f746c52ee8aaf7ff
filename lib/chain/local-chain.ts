import { spawn } from "node:child_process";
import path from "node:path";
import { LOCAL_CHAIN_ID } from "./local-addresses";

/**
 * Why a child process and not EDR in this process: the chain is shared state that outlives a request
 * and must be reachable from every process that pays or watches on it — the Next server, the workflow
 * executor, a test driving a wallet, a second app instance — through the same HTTP JSON-RPC transport a
 * production EVM_RPC_URL uses, so there is one code path. It also keeps EDR's native addon out of
 * Next's bundles and its CPU work off the app's event loop. The child listens on a free port
 * (port 0, reported back over IPC: no port race) on 127.0.0.1 only, and exits when its parent does.
 */
export interface LocalChain {
  url: string;
  chainId: typeof LOCAL_CHAIN_ID;
  pid: number;
  /** Stops the chain process and waits for it to exit; its state is gone. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** The server file, run through tsx: Kassa runs from its repository root (npm run dev/start/test do). */
function serverPath(): string {
  return path.join(process.cwd(), "lib", "chain", "local-node-server.ts");
}

export function startLocalChain(): Promise<LocalChain> {
  const child = spawn(process.execPath, ["--import", "tsx", serverPath()], {
    cwd: process.cwd(),
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<LocalChain>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`The local chain did not start: ${why}${stderr ? `\n${stderr}` : ""}`)));
    };
    const timer = setTimeout(() => fail(`no answer within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.once("error", (error) => fail(error.message));
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`its process exited (${signal ?? code})`);
    child.once("exit", onExit);
    child.once("message", (message: { type?: string; url?: string }) => {
      if (message.type !== "ready" || !message.url) return fail(`unexpected message ${JSON.stringify(message)}`);
      clearTimeout(timer);
      child.removeListener("exit", onExit);
      resolve({ url: message.url, chainId: LOCAL_CHAIN_ID, pid: child.pid!, stop });
    });
  });
}
