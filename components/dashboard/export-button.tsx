"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

type State = { kind: "idle" } | { kind: "running"; rows: number; total: number } | { kind: "done"; rows: number } | { kind: "error"; message: string };

/** Streams the CSV export, counting rows as they arrive against the count the server sent first. */
export function ExportButton({ query }: { query: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  async function run() {
    setState({ kind: "running", rows: 0, total: 0 });
    try {
      const res = await fetch(`/api/dashboard/payments/export?${query}`, { credentials: "same-origin" });
      if (!res.ok || !res.body) {
        const body = await res.json().catch(() => null);
        throw new Error(body?.error?.message ?? `Export failed (${res.status})`);
      }
      const total = Number(res.headers.get("Kassa-Row-Count") ?? 0);
      const reader = res.body.getReader();
      const parts: BlobPart[] = [];
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        for (const b of value) if (b === 10) lines++;
        setState({ kind: "running", rows: Math.max(0, lines - 1), total });
      }
      const url = URL.createObjectURL(new Blob(parts, { type: "text/csv" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = /filename="([^"]+)"/.exec(res.headers.get("Content-Disposition") ?? "")?.[1] ?? "payments.csv";
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: "done", rows: Math.max(0, lines - 1) });
    } catch (error) {
      setState({ kind: "error", message: (error as Error).message });
    }
  }
  const running = state.kind === "running";
  return (
    <div className="flex items-center gap-3 text-sm">
      <Button type="button" variant="secondary" onClick={run} disabled={running}>
        {running ? "Exporting…" : "Export CSV"}
      </Button>
      {running ? (
        <span role="status" className="flex items-center gap-2 text-slate-700">
          <progress max={state.total || 1} value={state.rows} aria-label="Export progress" className="h-2 w-32" />
          {state.rows.toLocaleString("en-US")} of {state.total.toLocaleString("en-US")} rows
        </span>
      ) : null}
      {state.kind === "done" ? (
        <span role="status" className="text-emerald-700" data-testid="export-done">
          Exported {state.rows.toLocaleString("en-US")} rows.
        </span>
      ) : null}
      {state.kind === "error" ? (
        <span role="alert" className="text-red-700">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
