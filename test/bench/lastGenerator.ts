// The load generator in its own process, so that it does not share a core's event loop with what it measures.
// Argument: JSON {url, headers, connections, duration}; prints autocannon's result as JSON on the last line.
import autocannon from 'autocannon';

const opties = JSON.parse(process.argv[2]!) as { url: string; headers?: Record<string, string>; connections: number; duration: number };
const r = await autocannon({ url: opties.url, headers: opties.headers ?? {}, connections: opties.connections, duration: opties.duration });
console.log(
  JSON.stringify({
    totaal: r.requests.total,
    perSeconde: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p975: r.latency.p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
    fouten: r.errors,
    niet2xx: r.non2xx,
  }),
);
