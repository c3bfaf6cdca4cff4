import { describeSchema, typeOf, constraintsOf, type RefResolver } from "@/lib/openapi/describe-schema.ts";
import type { ReferenceOperation } from "@/lib/openapi/reference-sections.ts";
import type { OpenApiResponse } from "@/lib/openapi/types.ts";
import { InlineText, Paragraphs } from "./inline-text.tsx";
import { MethodBadge } from "./method-badge.tsx";
import { SchemaFields } from "./schema-fields.tsx";
import { WhoMayCall } from "./who-may-call.tsx";

function SubHeading({ children }: { children: string }) {
  return <h4 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{children}</h4>;
}

function JsonDump({ value, label }: { value: unknown; label: string }) {
  return (
    <details className="group text-sm">
      <summary className="cursor-pointer text-ink-muted hover:text-ink">{label}</summary>
      <pre
        tabIndex={0}
        className="mt-2 max-h-80 overflow-auto rounded-md border border-line bg-canvas p-3 font-mono text-xs text-ink-muted"
      >
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

export function OperationEntry({ entry, resolve }: { entry: ReferenceOperation; resolve: RefResolver }) {
  const { method, path, operation } = entry;
  const id = operation.operationId;
  const parameters = operation.parameters ?? [];
  const body = operation.requestBody;
  const responses = Object.entries(operation.responses).map(([status, r]) => {
    const isShared = "$ref" in r;
    const response = (isShared ? resolve(r.$ref) : r) as OpenApiResponse | undefined;
    return { status, isShared, response };
  });
  const answers = responses.filter((r) => !r.isShared);
  const errors = responses.filter((r) => r.isShared);

  return (
    <article
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-4 rounded-lg border border-line bg-surface"
      data-testid="api-operation"
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-line px-4 py-3">
        <h3 id={`${id}-title`} className="flex min-w-0 items-center gap-3">
          <MethodBadge method={method} />
          <span className="sr-only"> </span>
          <code className="break-all font-mono text-sm font-semibold text-ink">{path}</code>
        </h3>
        <a href={`#${id}`} className="ml-auto text-xs text-ink-faint hover:text-ink" aria-label={`Link to ${method} ${path}`}>
          #{id}
        </a>
      </header>
      <div className="space-y-4 px-4 py-4">
        <div className="space-y-1.5">
          <p className="font-medium">{operation.summary}</p>
          {operation.description ? <Paragraphs text={operation.description} className="max-w-prose text-sm text-ink-muted" /> : null}
        </div>

        <div className="space-y-1.5">
          <SubHeading>Who may call it</SubHeading>
          <WhoMayCall operation={operation} />
        </div>

        {parameters.length ? (
          <div className="space-y-1.5">
            <SubHeading>Parameters</SubHeading>
            <div className="overflow-x-auto rounded-md border border-line">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">
                  Parameters of {method} {path}
                </caption>
                <thead className="bg-raised/60 text-xs uppercase tracking-wide text-ink-muted">
                  <tr>
                    <th scope="col" className="px-3 py-1.5 font-medium">
                      Name
                    </th>
                    <th scope="col" className="px-3 py-1.5 font-medium">
                      In
                    </th>
                    <th scope="col" className="px-3 py-1.5 font-medium">
                      Type
                    </th>
                    <th scope="col" className="px-3 py-1.5 font-medium">
                      Description and rules
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`} className="align-top">
                      <td className="whitespace-nowrap px-3 py-1.5">
                        <code className="font-mono text-[13px] text-ink">{p.name}</code>
                        {p.required ? (
                          <span className="ml-2 text-[11px] font-semibold uppercase tracking-wide text-ink">required</span>
                        ) : null}
                      </td>
                      <td className="px-3 py-1.5 text-xs text-ink-muted">{p.in}</td>
                      <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs text-ink-muted">{typeOf(p.schema, resolve)}</td>
                      <td className="px-3 py-1.5 text-xs text-ink-muted">
                        {p.description ? <InlineText text={p.description} /> : null}
                        {constraintsOf(p.schema).length ? <span className="block">{constraintsOf(p.schema).join(" · ")}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}

        {body ? (
          <div className="space-y-2">
            <SubHeading>Request body</SubHeading>
            {Object.entries(body.content).map(([type, { schema }]) => {
              const fields = describeSchema(schema, resolve);
              return (
                <div key={type} className="space-y-2">
                  <p className="text-xs text-ink-muted">
                    <code className="font-mono">{type}</code>
                    {typeof schema.description === "string" ? (
                      <>
                        {" "}
                        · <InlineText text={schema.description} />
                      </>
                    ) : null}
                    {!fields.length && typeof schema.type === "string" ? <> · {schema.type}</> : null}
                  </p>
                  <SchemaFields fields={fields} caption={`Request body of ${method} ${path}`} />
                  <JsonDump value={schema} label="JSON Schema" />
                </div>
              );
            })}
          </div>
        ) : null}

        <div className="space-y-2">
          <SubHeading>Responses</SubHeading>
          <ul className="space-y-2">
            {answers.map(({ status, response }) => {
              const schema = response?.content ? Object.values(response.content)[0]?.schema : undefined;
              const fields = schema ? describeSchema(schema, resolve) : [];
              const types = Object.keys(response?.content ?? {});
              return (
                <li key={status} className="space-y-1.5">
                  <p className="text-sm">
                    <span className={`mr-2 font-mono font-semibold tabular ${status.startsWith("2") ? "text-ok" : "text-ink"}`}>
                      {status}
                    </span>
                    <InlineText text={response?.description ?? ""} />
                    {types.length > 1 ? <span className="text-xs text-ink-muted"> ({types.join(", ")})</span> : null}
                  </p>
                  {fields.length ? (
                    <details className="text-sm">
                      <summary className="cursor-pointer text-ink-muted hover:text-ink">Fields of the {status} answer</summary>
                      <div className="mt-2">
                        <SchemaFields fields={fields} caption={`Fields of the ${status} answer of ${method} ${path}`} />
                      </div>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {errors.length ? (
            <details className="text-sm">
              <summary className="cursor-pointer text-ink-muted hover:text-ink">
                Errors: <span className="font-mono tabular">{errors.map((e) => e.status).join(", ")}</span>
              </summary>
              <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
                {errors.map(({ status, response }) => (
                  <div key={status} className="contents">
                    <dt className="font-mono font-semibold tabular text-ink">{status}</dt>
                    <dd className="text-ink-muted">
                      <InlineText text={response?.description ?? ""} />
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
          ) : null}
        </div>
      </div>
    </article>
  );
}
