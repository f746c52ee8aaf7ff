/**
 * Makes `process.env` a plain object holding the same variables, once, as a production server starts.
 *
 * Node's `process.env` is a view over the OS environment: every read, and every key listed, crosses into
 * C++. The Inngest SDK copies the whole of it on every call to /api/inngest (its `getProcessEnv()` runs
 * `Object.entries(process.env)`): measured under the chaos run's load, 10 % of the CPU of the process
 * that runs the workflows. A plain object answers the same values for a fraction of that. What this
 * process sets later (lib/workflows/local-engine.ts sets the executor's keys) is seen by all its code and
 * handed to the children it spawns, whose default environment is `process.env`. Only native code calling
 * getenv(3) would miss a later change, and nothing in Kassa reads a variable that way. Development keeps
 * the live object: `next dev` sets variables of its own while it runs, and speed matters less there.
 */
export function detachProcessEnv(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== "production" || Object.getPrototypeOf(process.env) === Object.prototype) return;
  process.env = { ...process.env };
}
