declare module 'algebrite' {
  /** Runs Algebrite source text; errors come back as strings starting with "Stop:". */
  export function run(source: string): string;
  const Algebrite: { run: typeof run };
  export default Algebrite;
}
