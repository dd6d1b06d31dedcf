/** One figure a benchmark reports. */
export type Metric = { name: string; value: number; unit: string; better: 'lower' | 'higher' }

/** What one run of a benchmark gives: figures (and checks it made), or why it could not run here. */
export type Outcome = { metrics: Metric[]; notes?: string[] } | { skipped: string }

export type Benchmark = {
  /** The name `npm run bench -- NAME` takes. */
  name: string
  title: string
  /** What is measured, for the section in docs/benchmarks.md. */
  description: string
  /** Runs by default; each in a child process of its own. */
  runs: number
  /** One run: set up what it needs, measure, check the result is right (throw if not). */
  run: () => Promise<Outcome>
}

/** What the child process prints (as the last line of its output) for the parent. */
export type ChildReport = { outcome: Outcome; wallMs: number; cpuMs: number; maxRssMb: number }
