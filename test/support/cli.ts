import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')

/** Runs the real `placewise` command as a person would, against the database the env names. */
export function runCli(args: string[], env: Record<string, string>): { status: number; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: res.status ?? -1, stdout: res.stdout, stderr: res.stderr }
}
