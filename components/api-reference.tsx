// The API reference for integrators, rendered on the server from the OpenAPI document (lib/api/openapi.ts):
// every operation with its parameters, request body, responses (headers, examples) and the schemas they
// name. Plain HTML: it reads without JavaScript, prints, and stays inside a phone's width.
import { Constraints, Content, Fields, Prose, TypeOf } from "./api-reference-parts";
import type { TApiDocument, TApiReferenceLabels, TOperation } from "./api-reference-parts";

export type { TApiDocument, TApiReferenceLabels };

function Operation({
  method,
  path,
  op,
  doc,
  labels,
}: {
  method: string;
  path: string;
  op: TOperation;
  doc: TApiDocument;
  labels: TApiReferenceLabels;
}) {
  const schemes = doc.components?.securitySchemes ?? {};
  const security = (op.security ?? []).map((s) => Object.keys(s)[0]).filter(Boolean);
  return (
    <section aria-labelledby={op.operationId} className="mb-10 border-t border-line pt-4">
      <h3 id={op.operationId} className="mb-2 text-xl font-bold">
        <code>
          {method.toUpperCase()} {path}
        </code>
        <span className="block text-base font-normal">{op.summary}</span>
      </h3>
      {op.description ? (
        <p className="mb-2 max-w-prose">
          <Prose text={op.description} />
        </p>
      ) : null}
      <p className="mb-2">
        {labels.authentication}:{" "}
        {security.length
          ? security.map((name, i) => (
              <span key={name}>
                {i > 0 ? "; " : null}
                <code>{name}</code>
                {schemes[name]?.description ? (
                  <>
                    {" "}
                    (<Prose text={schemes[name].description} />)
                  </>
                ) : null}
              </span>
            ))
          : labels.noAuthentication}
        {security.length && op.security?.some((s) => Object.keys(s).length === 0)
          ? ` (${labels.authenticationOptional})`
          : null}
      </p>
      {op.parameters?.length ? (
        <>
          <h4 className="mt-4 font-bold">{labels.parameters}</h4>
          <dl className="mt-2 border-l-2 border-line pl-3">
            {op.parameters.map((p) => (
              <div key={`${p.in}-${p.name}`} className="mb-3">
                <dt>
                  <code className="font-bold">{p.name}</code> <code className="text-sm">{p.in}</code>{" "}
                  {p.schema ? (
                    <code className="text-sm">
                      <TypeOf schema={p.schema} />
                    </code>
                  ) : null}
                  {p.required ? <span className="ml-2 text-sm font-bold">{labels.required}</span> : null}
                </dt>
                <dd>
                  {(p.description ?? p.schema?.description) ? (
                    <p className="max-w-prose">
                      <Prose text={(p.description ?? p.schema?.description)!} />
                    </p>
                  ) : null}
                  {p.schema ? <Constraints schema={p.schema} /> : null}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {op.requestBody ? (
        <>
          <h4 className="mt-4 font-bold">{labels.requestBody}</h4>
          {op.requestBody.description ? (
            <p className="max-w-prose">
              <Prose text={op.requestBody.description} />
            </p>
          ) : null}
          <Content content={op.requestBody.content} labels={labels} />
        </>
      ) : null}
      <h4 className="mt-4 font-bold">{labels.responses}</h4>
      <ul>
        {Object.entries(op.responses).map(([status, r]) => (
          <li key={status} className="mt-3">
            <p>
              <strong>{status}</strong> <Prose text={r.description} />
            </p>
            {r.headers ? (
              <p className="text-sm">
                {labels.headers}:{" "}
                {Object.entries(r.headers).map(([name, h]) => (
                  <span key={name} className="mr-3 inline-block">
                    <code>{name}</code>
                    {h.description ? ` (${h.description})` : ""}
                  </span>
                ))}
              </p>
            ) : null}
            {r.content ? <Content content={r.content} labels={labels} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ApiReference({ doc, labels }: { doc: TApiDocument; labels: TApiReferenceLabels }) {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
  const tags = (doc.tags ?? []).filter((tag) => operations.some((o) => o.op.tags?.includes(tag.name)));
  return (
    <>
      {doc.info.description ? (
        <p className="mb-6 max-w-prose">
          <Prose text={doc.info.description} />
        </p>
      ) : null}
      <nav aria-labelledby="api-operations" className="mb-8">
        <h2 id="api-operations" className="mb-2 text-2xl font-bold">
          {labels.operations}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {operations.map(({ path, method, op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`}>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </a>
              : {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`}>
          <h2 id={`tag-${tag.name}`} className="mb-1 text-2xl font-bold">
            {tag.name}
          </h2>
          {tag.description ? <p className="mb-4 max-w-prose">{tag.description}</p> : null}
          {operations
            .filter((o) => o.op.tags?.includes(tag.name))
            .map((o) => (
              <Operation key={o.op.operationId} {...o} doc={doc} labels={labels} />
            ))}
        </section>
      ))}
      <section aria-labelledby="api-schemas">
        <h2 id="api-schemas" className="mb-4 text-2xl font-bold">
          {labels.schemas}
        </h2>
        {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
          <section key={name} aria-labelledby={`schema-${name}`} className="mb-8 border-t border-line pt-4">
            <h3 id={`schema-${name}`} className="text-xl font-bold">
              <code>{name}</code>
            </h3>
            {schema.description ? (
              <p className="max-w-prose">
                <Prose text={schema.description} />
              </p>
            ) : null}
            <Constraints schema={schema} />
            <Fields schema={schema} labels={labels} />
          </section>
        ))}
      </section>
    </>
  );
}
