// `npm run bench [-- NAME…] [--runs N] [--no-write]`: runs benchmarks, each run in a child process,
// and rewrites their sections of docs/benchmarks.md.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { benchmarks } from './benchmarks/index.js'
import { describeMachine } from './machine.js'
import { renderSection, replaceSection } from './markdown.js'
import type { ChildReport } from './types.js'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const docPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url))
const childPath = fileURLToPath(new URL('./child.ts', import.meta.url))

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string' }, 'no-write': { type: 'boolean', default: false }, list: { type: 'boolean', default: false } },
})
const Args = z.object({
  runs: z
    .string()
    .regex(/^[1-9]\d*$/, '--runs must be a whole number, at least 1')
    .transform(Number)
    .optional(),
  names: z.array(
    z.enum(benchmarks.map((b) => b.name) as [string, ...string[]], {
      error: `benchmarks are: ${benchmarks.map((b) => b.name).join(', ')}`,
    }),
  ),
})
const parsed = Args.safeParse({ runs: values.runs, names: positionals })
if (!parsed.success) {
  console.error(`bench: ${parsed.error.issues[0]!.message}`)
  process.exit(1)
}
if (values.list) {
  for (const b of benchmarks) console.log(`${b.name.padEnd(28)} ${b.title} (${b.runs} runs)`)
  process.exit(0)
}
const chosen = parsed.data.names.length > 0 ? benchmarks.filter((b) => parsed.data.names.includes(b.name)) : benchmarks

function runChild(name: string): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childPath, name], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (d: string) => {
      out += d
      for (const line of d.split('\n')) if (line && !line.startsWith('BENCH-REPORT ')) process.stderr.write(`    ${line}\n`)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH-REPORT '))
      if (code !== 0 || !line) return reject(new Error(`benchmark ${name} failed (exit code ${code})`))
      resolve(JSON.parse(line.slice('BENCH-REPORT '.length)) as ChildReport)
    })
  })
}

const machine = describeMachine()
const date = new Date().toISOString().slice(0, 10)
let failed = false
for (const b of chosen) {
  const runs = parsed.data.runs ?? b.runs
  console.error(`${b.name}: ${runs} run(s)`)
  const reports: ChildReport[] = []
  const load = loadavg()[0]
  try {
    for (let i = 0; i < runs; i++) {
      const r = await runChild(b.name)
      reports.push(r)
      if ('skipped' in r.outcome) {
        console.error(`  skipped: ${r.outcome.skipped}`)
        break
      }
      const figures = r.outcome.metrics.map((m) => `${m.name} ${m.value.toFixed(2)} ${m.unit}`).join('; ')
      console.error(`  run ${i + 1}: ${figures}; peak RSS ${r.maxRssMb.toFixed(0)} MB`)
    }
  } catch (e) {
    console.error(`  ${(e as Error).message}`)
    failed = true
    continue
  }
  const section = renderSection(b, reports, machine, date, load)
  console.log(section)
  if (!values['no-write']) {
    // A skipped benchmark keeps the figures it had: a machine without ../shared says nothing new.
    const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : ''
    if (reports.some((r) => 'skipped' in r.outcome) && doc.includes(`<!-- bench:${b.name} -->`)) continue
    writeFileSync(docPath, replaceSection(doc, b.name, section))
  }
}
process.exit(failed ? 1 : 0)
