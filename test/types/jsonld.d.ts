// jsonld ships no types; only what the tests call is declared.
declare module 'jsonld' {
  interface Options {
    documentLoader?: (url: string) => Promise<unknown>;
    format?: string;
  }
  const jsonld: {
    expand(input: object, options?: Options): Promise<unknown[]>;
    toRDF(input: object, options?: Options): Promise<unknown>;
  };
  export default jsonld;
}
