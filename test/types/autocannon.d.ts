// autocannon ships no types; the benchmark uses only these fields.
declare module 'autocannon' {
  namespace autocannon {
    interface Result {
      requests: { total: number; average: number };
      latency: { p50: number; p90: number; p97_5: number; p99: number; max: number };
      errors: number;
      non2xx: number;
    }
  }
  function autocannon(opties: { url: string; connections: number; duration: number; headers?: Record<string, string> }): Promise<autocannon.Result>;
  export default autocannon;
}
