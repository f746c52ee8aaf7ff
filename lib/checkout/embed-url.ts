/** A checkout page's path, keeping the embed origin so an embedded checkout stays framable. */
export function withEmbed(path: string, embedOrigin: string | null): string {
  return embedOrigin ? `${path}${path.includes("?") ? "&" : "?"}embed_origin=${encodeURIComponent(embedOrigin)}` : path;
}
