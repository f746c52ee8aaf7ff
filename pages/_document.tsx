import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from "next/document";

/** The checkout's HTML shell (as app/layout.tsx's), with proxy.ts's per-request CSP nonce on Next's scripts. */
export default class KassaDocument extends Document<{ nonce?: string }> {
  static async getInitialProps(ctx: DocumentContext): Promise<DocumentInitialProps & { nonce?: string }> {
    const initial = await Document.getInitialProps(ctx);
    const nonce = ctx.req?.headers["x-nonce"];
    return { ...initial, ...(typeof nonce === "string" ? { nonce } : {}) };
  }

  render() {
    const { nonce } = this.props;
    return (
      <Html lang="en">
        <Head nonce={nonce}>
          <link rel="icon" href="/favicon.svg" />
        </Head>
        <body className="min-h-screen font-sans">
          <Main />
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
