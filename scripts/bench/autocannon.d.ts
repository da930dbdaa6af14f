// The few parts of autocannon 9's API the bench uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export type AutocannonRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  export type AutocannonOptions = {
    url: string;
    connections?: number;
    duration?: number;
    overallRate?: number;
    pipelining?: number;
    timeout?: number;
    headers?: Record<string, string>;
    method?: string;
    body?: string;
    requests?: (AutocannonRequest & { setupRequest?: (request: AutocannonRequest) => AutocannonRequest })[];
  };
  export type Histogram = { average: number; mean: number; p50: number; p97_5: number; p99: number; max: number; total: number };
  export type AutocannonResult = {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    "2xx": number;
  };
  export type AutocannonInstance = EventEmitter & PromiseLike<AutocannonResult> & { stop(): void };
  export default function autocannon(options: AutocannonOptions): AutocannonInstance;
}
