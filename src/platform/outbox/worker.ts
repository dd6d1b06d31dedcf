/** Delivers the outbox in the background of the web process. */
import type { OutboxService } from './outboxService.js'

export type OutboxWorkerOptions = {
  /** Messages per tick. */
  batchSize?: number
  onError?: (error: unknown) => void
}

/**
 * Every `intervalMs`, delivers what is due (a tick never overlaps the previous one) and gives up
 * on messages whose sender died mid-send. The timer is unref'd, so it never keeps the process
 * alive. Returns `stop`, which resolves once any tick in progress has finished.
 */
export function startOutboxWorker(outbox: OutboxService, intervalMs: number, opts: OutboxWorkerOptions = {}): () => Promise<void> {
  const onError = opts.onError ?? ((e: unknown) => console.error('Outbox delivery failed:', e))
  let running: Promise<void> | null = null
  let stopped = false
  const tick = () => {
    if (running || stopped) return
    running = (async () => {
      try {
        await outbox.abandonInterrupted()
        await outbox.deliverDue(opts.batchSize ?? 50)
      } catch (e) {
        onError(e)
      } finally {
        running = null
      }
    })()
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return async () => {
    stopped = true
    clearInterval(timer)
    await running
  }
}
