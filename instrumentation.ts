// Runs once when the server starts: migrate, seed the demo merchant on an empty database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First: every later read of process.env (the Inngest SDK copies it on each workflow call) is cheap.
  const { detachProcessEnv } = await import("./lib/process-env");
  detachProcessEnv();
  // Before any request is handled: every request carries its real TCP peer (lib/http/client-ip.ts).
  const { recordPeerAddresses } = await import("./lib/http/client-ip");
  await recordPeerAddresses();
  const { startServerFromRegister } = await import("./lib/startup");
  await startServerFromRegister();
}
