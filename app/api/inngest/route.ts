// GET|POST|PUT /api/inngest — the workflow engine's entry: registration and function calls, signed in every mode
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";
import { withWorkflowSignature } from "@/lib/http/with-workflow-signature";

const handlers = serve({ client: inngest, functions, servePath: "/api/inngest" });

export const GET = withWorkflowSignature(handlers.GET);
export const POST = withWorkflowSignature(handlers.POST);
export const PUT = withWorkflowSignature(handlers.PUT);
