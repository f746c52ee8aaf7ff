/** The hosted invoice pages: no dashboard chrome, no sign-in; the customer sees who bills them and for what. */
export default function HostedInvoiceLayout({ children }: { children: React.ReactNode }) {
  return <main className="mx-auto flex min-h-screen w-full max-w-2xl flex-col justify-center px-4 py-8 sm:py-12">{children}</main>;
}
