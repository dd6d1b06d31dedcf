// Runs one benchmark once and reports on its last line of output, so the parent sees this
// process's own peak RSS and CPU time.
import { benchmarks } from './benchmarks/index.js'
import type { ChildReport } from './types.js'

const name = process.argv[2]
const b = benchmarks.find((x) => x.name === name)
if (!b) {
  console.error(`no benchmark called ${name}`)
  process.exit(2)
}
const started = performance.now()
const outcome = await b.run()
const usage = process.resourceUsage()
const report: ChildReport = {
  outcome,
  wallMs: performance.now() - started,
  cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  maxRssMb: usage.maxRSS / 1024,
}
console.log(`\nBENCH-REPORT ${JSON.stringify(report)}`)
