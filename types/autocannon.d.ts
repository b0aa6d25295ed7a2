// autocannon 8 ships no types and @types/autocannon is not installed: the parts that
// bench/run.ts and scripts/load-test.ts use, declared once.
declare module 'autocannon' {
  type Histogram = { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number };
  export type Result = {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    duration: number;
    statusCodeStats?: Record<string, { count: number }>;
  };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: { path: string; method?: string }[];
  };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
