// The API reference for integrators, rendered on the server from the OpenAPI document (lib/api/openapi.ts):
// every operation with its parameters, request body, responses (headers, examples) and the schemas they
// name. Plain HTML: it reads without JavaScript, prints, and stays inside a phone's width.
import type { ReactNode } from "react";

type TSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: TSchema[];
  items?: TSchema;
  properties?: Record<string, TSchema>;
  additionalProperties?: boolean | TSchema;
  required?: string[];
  description?: string;
  [k: string]: unknown;
};
type TExample = { summary?: string; value: unknown };
type TMedia = { schema?: TSchema; example?: unknown; examples?: Record<string, TExample> };
type TParameter = { name: string; in: string; required?: boolean; description?: string; schema?: TSchema };
type TResponse = {
  description: string;
  headers?: Record<string, { description?: string; required?: boolean; schema?: TSchema }>;
  content?: Record<string, TMedia>;
};
type TOperation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: TParameter[];
  requestBody?: { description?: string; required?: boolean; content: Record<string, TMedia> };
  responses: Record<string, TResponse>;
};
export type TApiDocument = {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, TOperation>>;
  components?: { schemas?: Record<string, TSchema>; securitySchemes?: Record<string, { description?: string }> };
};

/** The page's own words, in the reader's language (the document's descriptions are the API's, in English). */
export type TApiReferenceLabels = Record<
  | "operations"
  | "parameters"
  | "requestBody"
  | "responses"
  | "headers"
  | "example"
  | "schemas"
  | "required"
  | "authentication"
  | "noAuthentication"
  | "authenticationOptional",
  string
>;

/** A description as the document writes it: CommonMark, of which it uses only `code`. */
function Prose({ text }: { text: string }) {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

const CONSTRAINTS = ["minLength", "maxLength", "pattern", "minimum", "maximum", "maxItems", "default"];
const schemaAnchor = (ref: string) => `schema-${ref.split("/").pop()}`;

function TypeOf({ schema }: { schema: TSchema }): ReactNode {
  if (schema.$ref) return <a href={`#${schemaAnchor(schema.$ref)}`}>{schema.$ref.split("/").pop()}</a>;
  if (schema.anyOf)
    return schema.anyOf.map((s, i) => (
      <span key={i}>
        {i > 0 ? " | " : null}
        <TypeOf schema={s} />
      </span>
    ));
  if (schema.type === "array" && schema.items)
    return (
      <>
        <TypeOf schema={schema.items} />
        []
      </>
    );
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  return (
    <>
      {type}
      {schema.format ? ` (${schema.format})` : null}
    </>
  );
}

function Constraints({ schema }: { schema: TSchema }) {
  const parts = [
    ...(schema.enum ? [`one of: ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`] : []),
    ...(schema.const !== undefined ? [`= ${JSON.stringify(schema.const)}`] : []),
    ...CONSTRAINTS.filter((k) => schema[k] !== undefined).map(
      (k) => `${k}: ${typeof schema[k] === "string" ? schema[k] : JSON.stringify(schema[k])}`,
    ),
  ];
  return parts.length ? (
    <p className="mt-1 text-sm">
      {parts.map((p) => (
        <code key={p} className="mr-3 inline-block">
          {p}
        </code>
      ))}
    </p>
  ) : null;
}

/** An object's members, each with its type, whether required, its description and constraints; inline objects nested. */
function Fields({ schema, labels }: { schema: TSchema; labels: TApiReferenceLabels }) {
  const target = schema.type === "array" && schema.items?.properties ? schema.items : schema;
  if (!target.properties) return null;
  return (
    <dl className="mt-2 border-l-2 border-line pl-3">
      {Object.entries(target.properties).map(([name, member]) => (
        <div key={name} className="mb-3">
          <dt>
            <code className="font-bold">{name}</code>{" "}
            <code className="text-sm">
              <TypeOf schema={member} />
            </code>
            {target.required?.includes(name) ? <span className="ml-2 text-sm font-bold">{labels.required}</span> : null}
          </dt>
          <dd>
            {member.description ? (
              <p className="max-w-prose">
                <Prose text={member.description} />
              </p>
            ) : null}
            <Constraints schema={member} />
            <Fields schema={member} labels={labels} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Examples({ media, labels }: { media: TMedia; labels: TApiReferenceLabels }) {
  const all: [string, unknown][] = [
    ...(media.example !== undefined ? [["", media.example] as [string, unknown]] : []),
    ...Object.entries(media.examples ?? {}).map(([name, e]) => [e.summary ?? name, e.value] as [string, unknown]),
  ];
  return all.map(([name, value], i) => (
    <details key={i} className="mt-2">
      <summary className="cursor-pointer">
        {labels.example}
        {name ? `: ${name}` : ""}
      </summary>
      <pre className="mt-1 whitespace-pre-wrap rounded bg-panel p-3 text-sm [overflow-wrap:anywhere]">
        <code>{JSON.stringify(value, null, 2)}</code>
      </pre>
    </details>
  ));
}

function Content({ content, labels }: { content: Record<string, TMedia>; labels: TApiReferenceLabels }) {
  return Object.entries(content).map(([type, media]) => (
    <div key={type} className="mt-2">
      <p>
        <code>{type}</code>
        {media.schema ? (
          <>
            :{" "}
            <code>
              <TypeOf schema={media.schema} />
            </code>
          </>
        ) : null}
      </p>
      {media.schema ? <Fields schema={media.schema} labels={labels} /> : null}
      <Examples media={media} labels={labels} />
    </div>
  ));
}

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
