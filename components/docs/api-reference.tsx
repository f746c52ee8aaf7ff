"use client";

import { useEffect, useRef, useState } from "react";
import { referenceConfiguration, type OpenApiDocument } from "./scalar-config";
import { TestKeyPanel, type DocsViewer } from "./test-key-panel";
import { useStoredTestKey } from "./test-key-store";

interface ScalarInstance {
  destroy(): void;
}
declare global {
  interface Window {
    Scalar?: { createApiReference(element: Element, configuration: Record<string, unknown>): ScalarInstance };
  }
}

let scalarLoading: Promise<NonNullable<Window["Scalar"]>> | undefined;

/** Scalar's browser build from this origin, once per page (a script the page's own code adds: CSP 'strict-dynamic'). */
function loadScalar(src: string): Promise<NonNullable<Window["Scalar"]>> {
  if (window.Scalar) return Promise.resolve(window.Scalar);
  return (scalarLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = () => (window.Scalar ? resolve(window.Scalar) : reject(new Error("Scalar did not load")));
    script.onerror = () => {
      scalarLoading = undefined;
      reject(new Error("Scalar did not load"));
    };
    document.head.appendChild(script);
  }));
}

const documents = new Map<string, Promise<OpenApiDocument>>();

function loadDocument(url: string): Promise<OpenApiDocument> {
  let loading = documents.get(url);
  if (!loading) {
    loading = fetch(url, { headers: { accept: "application/json" } }).then((res) => {
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      return res.json() as Promise<OpenApiDocument>;
    });
    loading.catch(() => documents.delete(url));
    documents.set(url, loading);
  }
  return loading;
}

/**
 * The API reference: Scalar rendering the document this origin serves, its examples carrying the
 * viewer's own test key once they made one here (the panel above), else Scalar's placeholder.
 */
export function ApiReference({ scriptSrc, documentUrl, viewer }: { scriptSrc: string; documentUrl: string; viewer: DocsViewer | null }) {
  const mount = useRef<HTMLDivElement>(null);
  const stored = useStoredTestKey(viewer);
  const secretKey = stored?.secret ?? null;
  const publishableKey = viewer?.publishableKey ?? null;
  const [failed, setFailed] = useState(false);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let instance: ScalarInstance | undefined;
    Promise.all([loadScalar(scriptSrc), loadDocument(documentUrl)]).then(
      ([Scalar, doc]) => {
        if (cancelled || !mount.current) return;
        // A new instance per key: Scalar reads `authentication` when it mounts.
        instance = Scalar.createApiReference(mount.current, referenceConfiguration({ doc, origin: window.location.origin, secretKey, publishableKey }));
        setReady(true);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      instance?.destroy();
    };
  }, [scriptSrc, documentUrl, secretKey, publishableKey]);

  return (
    <>
      <TestKeyPanel viewer={viewer} stored={stored} />
      {failed ? (
        <p role="alert" className="px-6 py-10 text-sm text-red-700">
          The API reference could not be loaded. Reload the page; the document itself is at{" "}
          <a className="underline" href={documentUrl}>
            {documentUrl}
          </a>
          .
        </p>
      ) : ready ? null : (
        <p role="status" className="px-6 py-10 text-sm text-slate-600">
          Loading the API reference…
        </p>
      )}
      {/* Scalar owns this element's content; React renders none (a non-empty element would be hydrated as SSR). */}
      <div ref={mount} data-testid="api-reference" />
    </>
  );
}
