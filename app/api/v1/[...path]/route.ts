// ANY /api/v1/* that no route matches — a JSON 404 instead of an HTML page
import { KassaError } from "@/lib/service/errors";
import { errorBody, jsonResponse } from "@/lib/http/respond";
import { newId } from "@/lib/ids";

function notFound(req: Request): Response {
  const requestId = newId("request");
  const path = new URL(req.url).pathname;
  const { status, body } = errorBody(
    new KassaError("route_not_found", `Unrecognized request URL (${req.method}: ${path}).`),
    requestId,
  );
  return jsonResponse(body, status, { "Request-Id": requestId });
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
