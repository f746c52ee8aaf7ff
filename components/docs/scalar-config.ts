// Scalar's configuration for /docs/api: rendered from the document this origin serves, and nothing that
// reaches outside it (no fonts, telemetry, proxy, agent or MCP, no developer toolbar).

interface SecurityScheme {
  type?: string;
  scheme?: string;
  description?: string;
}
export interface OpenApiDocument {
  components?: { securitySchemes?: Record<string, SecurityScheme> };
  [key: string]: unknown;
}

/** The document's bearer schemes for secret and publishable keys, by name, else by description. */
export function keySchemes(doc: OpenApiDocument): { secret: string | null; publishable: string | null } {
  const bearer = Object.entries(doc.components?.securitySchemes ?? {}).filter(([, s]) => s.type === "http" && s.scheme?.toLowerCase() === "bearer");
  const find = (word: RegExp) => (bearer.find(([name]) => word.test(name)) ?? bearer.find(([, s]) => word.test(s.description ?? "")))?.[0] ?? null;
  const publishable = find(/publishable/i);
  return { secret: find(/secret/i) ?? bearer.find(([name]) => name !== publishable)?.[0] ?? null, publishable };
}

/**
 * Scalar's light theme with its text and HTTP-method colours darkened to WCAG AA (4.5:1 on its white and
 * #f6f6f6 backgrounds: axe found the method labels at 3.9). The doubled class outranks the theme's
 * display-p3 variant of the same variables.
 */
const CUSTOM_CSS = `
.light-mode.light-mode {
  --scalar-color-2: #5c5c5c;
  --scalar-color-3: #6b6b6b;
  --scalar-color-green: #047857;
  --scalar-color-red: #c00000;
  --scalar-color-yellow: #8a6100;
  --scalar-color-blue: #005a96;
  --scalar-color-orange: #b84000;
  --scalar-color-query: #006166;
}
`;

export function referenceConfiguration({
  doc,
  origin,
  secretKey,
  publishableKey,
}: {
  doc: OpenApiDocument;
  origin: string;
  secretKey: string | null;
  publishableKey: string | null;
}): Record<string, unknown> {
  const schemes = keySchemes(doc);
  const securitySchemes: Record<string, { token: string }> = {};
  if (schemes.secret && secretKey) securitySchemes[schemes.secret] = { token: secretKey };
  if (schemes.publishable && publishableKey) securitySchemes[schemes.publishable] = { token: publishableKey };
  // Scalar's own services (dashboard, registry, request proxy, API): never used here; aimed at this origin
  // so that even a feature not switched off below cannot send anything elsewhere.
  const nowhere = `${origin}/docs/api/unavailable`;
  return {
    content: doc,
    servers: [{ url: origin, description: "This Kassa" }],
    withDefaultFonts: false,
    telemetry: false,
    proxyUrl: "",
    externalUrls: { dashboardUrl: nowhere, registryUrl: nowhere, proxyUrl: nowhere, apiBaseUrl: nowhere },
    agent: { disabled: true },
    mcp: { disabled: true },
    showDeveloperTools: "never",
    // The sidebar's "Open API Client" is a link to client.scalar.com with this page's URL; each operation's
    // own "Test Request" opens the same client inside this page and sends to this origin (proxyUrl "").
    hideClientButton: true,
    forceDarkModeState: "light",
    hideDarkModeToggle: true,
    documentDownloadType: "json",
    defaultHttpClient: { targetKey: "shell", clientKey: "curl" },
    persistAuth: false,
    authentication: {
      ...(schemes.secret ? { preferredSecurityScheme: schemes.secret } : {}),
      securitySchemes,
    },
    customCss: CUSTOM_CSS,
  };
}
