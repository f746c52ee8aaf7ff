/** Checkout pages: no dashboard chrome, no sign-in; the customer sees the merchant and the amount. */
export default function CheckoutLayout({ children }: { children: React.ReactNode }) {
  return <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center px-4 py-8 sm:py-12">{children}</main>;
}
