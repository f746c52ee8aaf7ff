/** The customer billing portal: no dashboard chrome, no sign-in; the link's token is the customer's access. */
export default function BillingPortalLayout({ children }: { children: React.ReactNode }) {
  return <main className="mx-auto flex min-h-screen w-full max-w-3xl flex-col justify-center px-4 py-8 sm:py-12">{children}</main>;
}
