/**
 * Types for the one exceljs internal the streaming reader uses: its SAX helper (saxes wrapped
 * as an async generator of event batches). exceljs is pinned (4.4.0); the reader tests fail
 * loudly if this module moves.
 */
declare module 'exceljs/lib/utils/parse-sax.js' {
  export interface SaxTag {
    readonly name: string;
    readonly attributes: Readonly<Record<string, string>>;
    readonly isSelfClosing?: boolean;
  }
  export type SaxEvent =
    | { readonly eventType: 'opentag'; readonly value: SaxTag }
    | { readonly eventType: 'closetag'; readonly value: SaxTag }
    | { readonly eventType: 'text'; readonly value: string };
  const parseSax: (iterable: AsyncIterable<unknown>) => AsyncGenerator<SaxEvent[]>;
  export default parseSax;
}
