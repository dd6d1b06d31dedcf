import type { Benchmark, ChildReport, Metric } from './types.js'

export const DOC_INTRO = `# Benchmarks

Figures from \`npm run bench\` (all) or \`npm run bench -- NAME\` (one). Each benchmark runs several
times, each run in a child process of its own so its peak RSS is its own; the tables give the
median, and the range over the runs. \`npm run bench\` rewrites only the sections of the benchmarks it
ran. Wall time on a shared 2-core machine varies with whatever else runs; CPU time (user + system)
varies less.
`

const start = (name: string) => `<!-- bench:${name} -->`
const end = (name: string) => `<!-- /bench:${name} -->`

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

function fmt(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${unit}`
}

/** The section for one benchmark: what it measures, where, when, and the figures. */
export function renderSection(b: Benchmark, reports: ChildReport[], machine: string, date: string, load?: number): string {
  const lines = [start(b.name), `## ${b.name}: ${b.title}`, '', b.description, '', `- Machine: ${machine}`, `- Date: ${date}`]
  // Other work on a shared machine slows wall time: say how busy it was.
  if (load !== undefined) lines.push(`- Load average (1 min) when the runs began: ${load.toFixed(2)}`)
  const skipped = reports.find((r) => 'skipped' in r.outcome)
  if (skipped && 'skipped' in skipped.outcome) {
    lines.push('', `Not run: ${skipped.outcome.skipped}`, end(b.name))
    return lines.join('\n')
  }
  lines.push(`- Runs: ${reports.length}`, '', '| measure | median | range |', '| --- | ---: | ---: |')
  const row = (name: string, values: number[], unit: string) =>
    lines.push(`| ${name} | ${fmt(median(values), unit)} | ${fmt(Math.min(...values), unit)} – ${fmt(Math.max(...values), unit)} |`)
  const metricsByName = new Map<string, Metric[]>()
  for (const r of reports) {
    if ('skipped' in r.outcome) continue
    for (const m of r.outcome.metrics) metricsByName.set(m.name, [...(metricsByName.get(m.name) ?? []), m])
  }
  for (const [name, ms] of metricsByName)
    row(
      name,
      ms.map((m) => m.value),
      ms[0]!.unit,
    )
  row(
    'child process wall time (setup included)',
    reports.map((r) => r.wallMs / 1000),
    's',
  )
  row(
    'child process CPU time (setup included)',
    reports.map((r) => r.cpuMs / 1000),
    's',
  )
  row(
    'child process peak RSS',
    reports.map((r) => r.maxRssMb),
    'MB',
  )
  const notes = new Set(reports.flatMap((r) => ('skipped' in r.outcome ? [] : (r.outcome.notes ?? []))))
  if (notes.size > 0) lines.push('', ...[...notes].map((n) => `- ${n}`))
  lines.push(end(b.name))
  return lines.join('\n')
}

/** Replaces the benchmark's section in the document, or appends it; other sections stay as they were. */
export function replaceSection(doc: string, name: string, section: string): string {
  const base = doc.trim().length > 0 ? doc : DOC_INTRO
  const s = base.indexOf(start(name))
  const e = base.indexOf(end(name))
  if (s >= 0 && e > s) return base.slice(0, s) + section + base.slice(e + end(name).length)
  return `${base.trimEnd()}\n\n${section}\n`
}
