import { render } from "@react-email/components";
import type { ReactElement } from "react";

/** An email's HTML and its plain-text alternative, both from the same React component. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
