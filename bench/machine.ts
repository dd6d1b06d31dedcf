import { cpus, platform, release, totalmem, arch } from 'node:os'

/** The machine the figures are from, in one line. */
export function describeMachine(): string {
  const cpu = cpus()
  const model = cpu[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU'
  const gib = (totalmem() / 2 ** 30).toFixed(1)
  return `${model}, ${cpu.length} cores, ${gib} GiB memory, Node ${process.version}, ${platform()} ${release()} (${arch()})`
}
