// GET|POST /api/auth/* — next-auth's own endpoints (session, CSRF, sign-in callbacks)
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
