// The pieces of the API reference (components/api-reference.tsx): the OpenAPI document's shape as the page reads it,
// and how a schema, its fields, constraints and examples, and a request's or response's content are shown.
import type { ReactNode } from "react";

export type TSchema = {
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
export type TExample = { summary?: string; value: unknown };
export type TMedia = { schema?: TSchema; example?: unknown; examples?: Record<string, TExample> };
export type TParameter = { name: string; in: string; required?: boolean; description?: string; schema?: TSchema };
export type TResponse = {
  description: string;
  headers?: Record<string, { description?: string; required?: boolean; schema?: TSchema }>;
  content?: Record<string, TMedia>;
};
export type TOperation = {
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
export function Prose({ text }: { text: string }) {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

export const CONSTRAINTS = ["minLength", "maxLength", "pattern", "minimum", "maximum", "maxItems", "default"];
export const schemaAnchor = (ref: string) => `schema-${ref.split("/").pop()}`;

export function TypeOf({ schema }: { schema: TSchema }): ReactNode {
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

export function Constraints({ schema }: { schema: TSchema }) {
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
export function Fields({ schema, labels }: { schema: TSchema; labels: TApiReferenceLabels }) {
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

export function Examples({ media, labels }: { media: TMedia; labels: TApiReferenceLabels }) {
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

export function Content({ content, labels }: { content: Record<string, TMedia>; labels: TApiReferenceLabels }) {
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
