import type { AppProps } from "next/app";
import "../app/globals.css";

/**
 * The Pages Router serves one page, the hosted checkout (pages/pay/[sessionId].tsx): its client runtime is
 * ~20 KB lighter than the App Router's, which keeps the page a customer opens on a phone under 120 KB of JS.
 */
export default function KassaApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
