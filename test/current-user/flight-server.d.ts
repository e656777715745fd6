// React's server renderer as Next.js ships it (no types of its own): what probe.ts uses.
declare module "next/dist/compiled/react-server-dom-webpack/server.node" {
  import type { ReactNode } from "react";
  export function renderToPipeableStream(
    model: ReactNode,
    webpackMap: object,
    options?: { onError?: (error: unknown) => void },
  ): { pipe<T extends NodeJS.WritableStream>(destination: T): T };
}
