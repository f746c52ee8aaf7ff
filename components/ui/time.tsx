/** A Unix-seconds timestamp as a readable UTC date (server-rendered, no hydration drift). */
export function Time({ seconds }: { seconds: number | null }) {
  if (seconds === null) return <span className="text-slate-500">—</span>;
  const d = new Date(seconds * 1000);
  const text = d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return <time dateTime={d.toISOString()}>{text}</time>;
}
