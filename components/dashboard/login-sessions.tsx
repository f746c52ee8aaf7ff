import { signOutEverywhereAction } from "@/app/(auth)/actions";
import { revokeSessionAction } from "@/app/(dashboard)/settings/actions";
import { Table } from "@/components/ui/table";
import type { LoginSessionView } from "@/lib/login-sessions/list-login-sessions";

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** The signed-in user's sessions: where and when, this one marked; sign one out, or all. */
export function LoginSessions({ sessions }: { sessions: LoginSessionView[] }) {
  return (
    <div>
      <Table
        caption="Your sessions"
        testId="login-sessions"
        rows={sessions}
        rowKey={(s) => s.id}
        columns={[
          { id: "browser", header: "Browser", className: "max-w-xs truncate", title: (s) => s.userAgent ?? "", cell: (s) => s.userAgent ?? "unknown" },
          { id: "ip", header: "IP", cell: (s) => s.ip ?? "unknown" },
          { id: "signed-in", header: "Signed in", cell: (s) => when(s.createdAt) },
          { id: "last-seen", header: "Last seen", cell: (s) => when(s.lastSeenAt) },
          {
            id: "actions",
            header: "Actions",
            headerHidden: true,
            align: "right",
            cell: (s) =>
              s.current ? (
                <span className="text-slate-500">This browser</span>
              ) : (
                <form
                  action={async () => {
                    "use server";
                    await revokeSessionAction(s.id);
                  }}
                >
                  <button type="submit" className="text-sm text-red-700 hover:underline">
                    Sign out
                  </button>
                </form>
              ),
          },
        ]}
      />
      <form action={signOutEverywhereAction} className="mt-4">
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Sign out everywhere
        </button>
      </form>
    </div>
  );
}
