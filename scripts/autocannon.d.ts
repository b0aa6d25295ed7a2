// autocannon ships no types (and @types/autocannon is not installed): only what load-test.ts uses.
declare module 'autocannon' {
  type Options = { url: string; connections: number; duration: number; timeout?: number; headers?: Record<string, string>; requests?: { path: string; method?: string }[] };
  type Result = {
    requests: { total: number; average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    statusCodeStats?: Record<string, { count: number }>;
  };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
