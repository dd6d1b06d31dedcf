// Runs every *.test.ts under src/ and test/ with node's own test runner.
// Node 20's `node --test DIR` finds no .ts files, so we pass the files.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function find(dir, out = []) {
  let entries
  try {
    entries = readdirSync(dir)
  } catch {
    return out // no such folder: nothing to find
  }
  for (const name of entries) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) find(path, out)
    else if (name.endsWith('.test.ts')) out.push(path)
  }
  return out
}

const filter = process.argv.slice(2)
let files = [...find('src'), ...find('test')].sort()
if (filter.length > 0) files = files.filter((f) => filter.some((p) => f.includes(p)))
if (files.length === 0) {
  console.error('No test files matched.')
  process.exit(1)
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
})
process.exit(result.status ?? 1)
