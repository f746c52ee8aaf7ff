// GET|POST /api/auth/* — next-auth's own endpoints (session, CSRF, sign-in callbacks)
import { handlers } from "@/lib/http/session/config";

export const { GET, POST } = handlers;
