import { signOutEverywhereAction } from "@/app/(auth)/actions";
import { revokeSessionAction } from "@/app/(dashboard)/settings/actions";
import type { LoginSessionView } from "@/lib/login-sessions/list-login-sessions";

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** The signed-in user's sessions: where and when, this one marked; sign one out, or all. */
export function LoginSessions({ sessions }: { sessions: LoginSessionView[] }) {
  return (
    <div>
      <table className="w-full text-left text-sm" data-testid="login-sessions">
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 font-medium">Browser</th>
            <th className="py-2 font-medium">IP</th>
            <th className="py-2 font-medium">Signed in</th>
            <th className="py-2 font-medium">Last seen</th>
            <th className="py-2" />
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} className="border-t border-slate-100">
              <td className="max-w-xs truncate py-2" title={s.userAgent ?? ""}>{s.userAgent ?? "unknown"}</td>
              <td className="py-2">{s.ip ?? "unknown"}</td>
              <td className="py-2">{when(s.createdAt)}</td>
              <td className="py-2">{when(s.lastSeenAt)}</td>
              <td className="py-2 text-right">
                {s.current ? (
                  <span className="text-slate-500">This browser</span>
                ) : (
                  <form
                    action={async () => {
                      "use server";
                      await revokeSessionAction(s.id);
                    }}
                  >
                    <button type="submit" className="text-sm text-red-700 hover:underline">Sign out</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form action={signOutEverywhereAction} className="mt-4">
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">Sign out everywhere</button>
      </form>
    </div>
  );
}
