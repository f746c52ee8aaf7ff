// Module resolution for dependency-cruiser only: the project's `@/` alias (see .dependency-cruiser.cjs).
const path = require("node:path");

module.exports = { resolve: { alias: { "@": path.resolve(__dirname) }, extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] } };
