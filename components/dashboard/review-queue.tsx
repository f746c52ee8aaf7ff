"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import { decideReviewAction, type ReviewDecision } from "@/app/(dashboard)/fraud/reviews/actions";
import type { QueueRow, RelatedPayment, ReviewDetail } from "@/lib/fraud/review-queue";
import { formatMoney } from "@/lib/money";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";

const DONE: Record<ReviewDecision, string> = {
  approve: "approved and captured",
  refund: "refunded",
  refund_as_fraud: "refunded as fraud; its card and email are blocked",
};

const SHORTCUTS: [string, string][] = [
  ["j", "next review"],
  ["k", "previous review"],
  ["a", "approve (capture)"],
  ["r", "refund"],
  ["f", "refund as fraud (asks first)"],
];

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

function Related({ title, rows, testId }: { title: string; rows: RelatedPayment[]; testId: string }) {
  return (
    <section aria-label={title} data-testid={testId}>
      <h4 className="text-sm font-medium text-slate-900">{title}</h4>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">None.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {rows.map((p) => (
            <li key={p.id} className="flex flex-wrap gap-x-2">
              <Link className="font-mono text-xs text-brand-700 hover:underline" href={`/payments/${p.id}`}>
                {p.id}
              </Link>
              <span>{formatMoney(p.amount, p.currency)}</span>
              <span className="text-slate-600">{p.status.replaceAll("_", " ")}</span>
              {p.outcome && p.outcome !== "authorized" ? <Badge tone={p.outcome === "blocked" ? "red" : "amber"}>{p.outcome.replace("_", " ")}</Badge> : null}
              <span className="text-slate-500">
                <Time seconds={p.created} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DetailPanel({ row, detail }: { row: QueueRow; detail: ReviewDetail }) {
  const features = Object.entries(detail.features);
  return (
    <section aria-labelledby="review-detail-title" className="space-y-4" data-testid="review-detail">
      <h3 id="review-detail-title" className="text-base font-semibold text-slate-900">
        {formatMoney(row.amount, row.currency)} · risk {row.review.risk_score}{" "}
        <Link className="font-mono text-xs font-normal text-brand-700 hover:underline" href={`/payments/${row.review.payment}`}>
          {row.review.payment}
        </Link>
      </h3>
      <p className="text-sm text-slate-600">
        Held by {detail.rule ?? row.review.reason}
        {detail.reason ? ` (${detail.reason.replaceAll("_", " ")})` : ""}.{detail.modelVersion ? ` Model ${detail.modelVersion}.` : ""}
      </p>
      <section aria-label="Rules matched" data-testid="rules-matched">
        <h4 className="text-sm font-medium text-slate-900">Rules matched</h4>
        {detail.rulesMatched.length === 0 ? (
          <p className="text-sm text-slate-500">No rule of yours; Kassa&apos;s default rules decided.</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {detail.rulesMatched.map((r) => (
              <li key={r.id}>
                <code className="rounded bg-slate-100 px-1 text-xs">{r.source}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
      <details open>
        <summary className="cursor-pointer text-sm font-medium text-slate-900">Features the check saw ({features.length})</summary>
        <dl className="mt-2 grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5 text-xs" data-testid="review-features">
          {features.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-mono text-slate-600">{k}</dt>
              <dd className="text-right tabular-nums text-slate-900">{Number.isInteger(v) ? v : v.toFixed(3)}</dd>
            </div>
          ))}
        </dl>
      </details>
      <Related title="Other payments with this card" rows={detail.byCard} testId="related-card" />
      <Related title="Other payments with this email" rows={detail.byEmail} testId="related-email" />
      <p className="text-xs text-slate-500">Kassa keeps no IP address on payments, so none are shown by IP.</p>
    </section>
  );
}

/**
 * The review queue: open reviews riskiest first, the selected one's panel beside them, and the decisions by button
 * or keyboard (j/k move, a approve, r refund, f refund as fraud after a confirm); each result is announced.
 */
export function ReviewQueue({ rows, detail, canWrite }: { rows: QueueRow[]; detail: ReviewDetail | null; canWrite: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [announcement, setAnnouncement] = useState("");
  // The row j/k moved to, ahead of the server's answer: quick presses move from it, not from the page shown last.
  // It holds while the page shown is still the one it moved from; any newer page wins.
  const [cursor, setCursor] = useState<{ id: string; from: string | null } | null>(null);
  const shownId = detail?.review.id ?? null;
  const selectedId = cursor && cursor.from === shownId && rows.some((r) => r.review.id === cursor.id) ? cursor.id : shownId;
  const index = rows.findIndex((r) => r.review.id === selectedId);
  const selected = index >= 0 ? rows[index]! : null;
  const shown = rows.find((r) => r.review.id === shownId) ?? null;

  const select = useCallback(
    (id: string) => {
      setCursor({ id, from: shownId });
      router.replace(`/fraud/reviews?review=${encodeURIComponent(id)}`, { scroll: false });
    },
    [router, shownId],
  );

  const decide = useCallback(
    (decision: ReviewDecision) => {
      if (!selected || pending || !canWrite) return;
      if (
        decision === "refund_as_fraud" &&
        !window.confirm(`Refund ${formatMoney(selected.amount, selected.currency)} as fraud and block this card and email?`)
      )
        return;
      const next = rows[index + 1] ?? rows[index - 1] ?? null;
      startTransition(async () => {
        const result = await decideReviewAction(selected.review.id, decision);
        if (result.ok) {
          setAnnouncement(`${formatMoney(selected.amount, selected.currency)} payment ${selected.review.payment} ${DONE[decision]}.`);
          if (next) select(next.review.id);
          else router.replace("/fraud/reviews", { scroll: false });
          router.refresh();
        } else {
          setAnnouncement(`Not done: ${result.error} (${result.code})`);
        }
      });
    },
    [selected, pending, canWrite, rows, index, select, router],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      if (e.key === "j" || e.key === "k") {
        const to = rows[index + (e.key === "j" ? 1 : -1)];
        if (to) {
          e.preventDefault();
          select(to.review.id);
        }
      } else if (canWrite && (e.key === "a" || e.key === "r" || e.key === "f")) {
        e.preventDefault();
        decide(e.key === "a" ? "approve" : e.key === "r" ? "refund" : "refund_as_fraud");
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [rows, index, select, decide, canWrite]);

  return (
    <div className="space-y-4">
      <p role="status" aria-live="polite" className="min-h-5 text-sm font-medium text-slate-900" data-testid="review-announcement">
        {announcement}
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Table
          caption="Open reviews, riskiest first"
          testId="review-queue"
          density="compact"
          className="[&_tr[data-selected=true]]:bg-brand-50"
          rows={rows}
          rowKey={(r) => r.review.id}
          rowData={(r) => ({
            "data-review": r.review.id,
            "data-selected": String(r.review.id === selectedId),
            "aria-current": r.review.id === selectedId ? "true" : "false",
          })}
          empty={<p className="text-sm text-slate-600">No payments are waiting for review.</p>}
          columns={[
            {
              id: "risk",
              header: "Risk",
              numeric: true,
              cell: (r) => (
                <button
                  type="button"
                  className="rounded-sm font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500"
                  aria-label={`Review ${formatMoney(r.amount, r.currency)}, risk ${r.review.risk_score}`}
                  onClick={() => select(r.review.id)}
                >
                  {r.review.risk_score}
                </button>
              ),
            },
            { id: "amount", header: "Amount", numeric: true, cell: (r) => formatMoney(r.amount, r.currency) },
            {
              id: "customer",
              header: "Customer",
              cell: (r) => r.email ?? r.customer ?? "—",
              className: "max-w-48 truncate",
              title: (r) => r.email ?? undefined,
            },
            { id: "card", header: "Card", cell: (r) => (r.cardLast4 ? `${r.cardBrand ?? "card"} •••• ${r.cardLast4}` : "—") },
            { id: "ip_country", header: "IP country", cell: (r) => r.ipCountry ?? "—" },
            { id: "card_country", header: "Card country", cell: (r) => r.cardCountry ?? "—" },
            { id: "opened", header: "Opened", cell: (r) => <Time seconds={r.review.created} /> },
          ]}
        />
        <div className="space-y-4">
          {selected && detail ? (
            <>
              {canWrite ? (
                <div className="flex flex-wrap gap-2" aria-label="Decision" role="group">
                  <Button disabled={pending} onClick={() => decide("approve")} aria-keyshortcuts="a">
                    Approve
                  </Button>
                  <Button variant="secondary" disabled={pending} onClick={() => decide("refund")} aria-keyshortcuts="r">
                    Refund
                  </Button>
                  <Button variant="danger" disabled={pending} onClick={() => decide("refund_as_fraud")} aria-keyshortcuts="f">
                    Refund as fraud
                  </Button>
                </div>
              ) : null}
              <DetailPanel row={shown ?? selected} detail={detail} />
            </>
          ) : null}
          <section aria-label="Keyboard shortcuts" data-testid="shortcut-legend">
            <h4 className="text-sm font-medium text-slate-900">Keyboard shortcuts</h4>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
              {SHORTCUTS.filter(([k]) => canWrite || k === "j" || k === "k").map(([k, what]) => (
                <div key={k} className="contents">
                  <dt>
                    <kbd className="rounded bg-slate-100 px-1.5 font-mono text-xs ring-1 ring-slate-300">{k}</kbd>
                  </dt>
                  <dd className="text-slate-700">{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
