import { z } from "zod";

/** A URL Kassa sends a customer's browser to: http(s) only — never `javascript:`, `data:` or `file:`. */
export const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);
