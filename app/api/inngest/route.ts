// GET|POST|PUT /api/inngest — the workflow engine's entry: registration and function calls
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
