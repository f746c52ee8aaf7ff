// Runs once when the server starts: migrate, seed the demo merchant on an empty database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is handled: every request carries its real TCP peer (lib/http/client-ip.ts).
  const { recordPeerAddresses } = await import("./lib/http/client-ip");
  await recordPeerAddresses();
  const { startServer } = await import("./lib/startup");
  const starting = startServer();
  if (process.env.NODE_ENV === "development") {
    // next dev holds every request until register() returns, and compiles a route only once its
    // request is let through. Returning now lets the first requests' routes compile while the
    // database is made (PGlite's first start takes seconds); they wait for the database handle
    // itself. `next start` has nothing to compile, and keeps waiting for the whole start.
    starting.catch((error: unknown) => {
      console.error("Kassa could not start:", error);
      process.exit(1);
    });
    return;
  }
  await starting;
}
