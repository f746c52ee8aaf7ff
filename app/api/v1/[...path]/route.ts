// ANY /api/v1/* that no route matches — a JSON 404 instead of an HTML page
import { withPublic } from "@/lib/http/with-public";
import { KassaError } from "@/lib/service/errors";

const notFound = withPublic("/api/v1/*", async ({ req }) => {
  throw new KassaError("route_not_found", `Unrecognized request URL (${req.method}: ${new URL(req.url).pathname}).`);
});

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
