export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
        <p className="text-sm font-semibold text-brand-600">404</p>
        <h1 className="mt-2 text-xl font-semibold text-slate-900">Nothing here</h1>
        {/* A plain link: this root boundary is part of every route, and next/link would put its client code on each (the checkout's too). */}
        <a href="/dashboard" className="mt-6 inline-block text-sm font-medium text-brand-600 hover:underline">
          Back to the dashboard
        </a>
      </div>
    </main>
  );
}
