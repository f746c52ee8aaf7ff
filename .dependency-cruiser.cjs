/**
 * Import boundaries (npm run lint:deps). The layers: app/ (and pages/, the hosted checkout) → adapters (lib/http) →
 * services (lib/<domain>, lib/service) → db/. Services never import app/, pages/, components/, the HTTP adapters or
 * the local workflow executor; components never import db/; nothing imports app/ or pages/; no cycles.
 */
const SERVICES = "^lib/(?!http/|startup\\.ts|workflows/local-engine)";
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "A cycle makes two modules one; split them.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "services-not-upwards",
      severity: "error",
      comment: "Services (lib/<domain>, lib/service) do not know who calls them: no app/, components/ or HTTP adapters.",
      from: { path: SERVICES, pathNot: "\\.test\\.tsx?$" },
      to: { path: "^(app|pages|components)/|^lib/http/" },
    },
    {
      name: "services-not-executor",
      severity: "error",
      comment: "The local workflow executor is one engine adapter; services reach workflows only through the outbox and the WorkflowRuns interface.",
      from: { path: SERVICES, pathNot: "\\.test\\.tsx?$|^lib/workflows/runs/" },
      to: { path: "^inngest/local/" },
    },
    {
      name: "adapters-not-ui",
      severity: "error",
      comment: "The HTTP adapters hand a context to services; they render nothing.",
      from: { path: "^lib/http/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-not-db",
      severity: "error",
      comment: "React components get data from pages, server actions or the dashboard API, never from the database.",
      from: { path: "^components/" },
      to: { path: "^db/" },
    },
    {
      name: "db-not-upwards",
      severity: "error",
      comment: "The schema, client and migrations know nothing above them.",
      from: { path: "^db/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^(app|components|inngest)/|^lib/(?!logger|ids|money|failpoints|data-dir)", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "clients-only-from-outside",
      severity: "error",
      comment: "clients/ is the generated SDK for integrators and the e2e suite; the app never calls its own API through it.",
      from: { path: "^(app|components|lib|db|inngest)/" },
      to: { path: "^clients/" },
    },
    {
      name: "nothing-imports-app",
      severity: "error",
      comment: "app/ and pages/ are the top: pages and route handlers are entry points, not libraries.",
      from: { path: "^(lib|db|inngest)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^(app|pages)/" },
    },
    {
      name: "components-only-server-actions",
      severity: "error",
      comment: "A client component may call a server action (Next's RPC surface); nothing else from app/.",
      from: { path: "^components/" },
      to: { path: "^(app|pages)/", pathNot: "^app/.*/actions\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|\\.data|test-results|db/migrations)/" },
    tsPreCompilationDeps: true,
    // The `@/` alias by hand: with tsconfig's `paths` (and no baseUrl) the resolver would take the npm
    // package "inngest" for the local folder inngest/.
    webpackConfig: { fileName: ".dependency-cruiser.webpack.cjs" },
  },
};
