import Link from "next/link";
import { Fragment } from "react";
import { resolverOf, sectionsOf } from "@/lib/openapi/reference-sections.ts";
import type { OpenApiDocument } from "@/lib/openapi/types.ts";
import { buttonClasses } from "../ui/button.tsx";
import { InlineText, Paragraphs } from "./inline-text.tsx";
import { MethodBadge } from "./method-badge.tsx";
import { OperationEntry } from "./operation-entry.tsx";

/** The whole API reference: a table of contents by tag, then every operation with its anchor. */
export function ApiReference({ document }: { document: OpenApiDocument }) {
  const sections = sectionsOf(document);
  const resolve = resolverOf(document);
  const count = sections.reduce((n, s) => n + s.operations.length, 0);
  return (
    <main className="mx-auto grid w-full max-w-[1400px] gap-8 px-4 py-6 lg:grid-cols-[17rem_minmax(0,1fr)]">
      <nav aria-label="API reference contents" className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-5rem)] lg:self-start lg:overflow-y-auto">
        <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-muted">Contents</p>
        <ol className="space-y-3 text-sm">
          {sections.map((s) => (
            <li key={s.slug}>
              <a href={`#${s.slug}`} className="font-medium text-ink hover:text-accent">
                {s.name}
              </a>
              <ol className="mt-1 space-y-0.5">
                {s.operations.map(({ method, path, operation }) => (
                  <li key={operation.operationId}>
                    <a
                      href={`#${operation.operationId}`}
                      className="flex items-start gap-2 rounded px-1 py-0.5 text-ink-muted hover:bg-raised hover:text-ink"
                    >
                      <MethodBadge method={method} size="sm" />
                      <span className="min-w-0 font-mono text-xs leading-5">
                        {path
                          .replace(/^\/api/, "")
                          .split(/(?=\/)/)
                          .map((segment, i) => (
                            // Long paths wrap at a slash, never inside a segment.
                            <Fragment key={i}>
                              {i > 0 ? <wbr /> : null}
                              {segment}
                            </Fragment>
                          ))}
                      </span>
                    </a>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      </nav>

      <div className="min-w-0 space-y-10">
        <header className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold">API reference</h1>
            <span className="rounded border border-line px-2 py-0.5 text-xs text-ink-muted">
              OpenAPI {document.openapi} · v{document.info.version} · {count} operations
            </span>
            <a href="/api/openapi.json" download="warroom-openapi.json" className={`${buttonClasses("secondary", "sm")} ml-auto`}>
              Download openapi.json
            </a>
          </div>
          <Paragraphs text={document.info.description} className="max-w-3xl text-sm text-ink-muted" />
          <p className="text-sm text-ink-muted">
            Create a token under{" "}
            <Link href="/settings/tokens" className="text-accent underline underline-offset-2">
              Settings → API tokens
            </Link>
            . Import <code className="font-mono text-[0.85em] text-ink">/api/openapi.json</code> into Postman, Insomnia or a client
            generator.
          </p>
        </header>

        {sections.map((s) => (
          <section key={s.slug} id={s.slug} aria-labelledby={`${s.slug}-heading`} className="scroll-mt-4 space-y-4">
            <div className="space-y-1 border-b border-line pb-2">
              <h2 id={`${s.slug}-heading`} className="text-lg font-semibold">
                {s.name}
              </h2>
              <p className="max-w-3xl text-sm text-ink-muted">
                <InlineText text={s.description} />
              </p>
            </div>
            {s.operations.map((entry) => (
              <OperationEntry key={entry.operation.operationId} entry={entry} resolve={resolve} />
            ))}
          </section>
        ))}
      </div>
    </main>
  );
}
