/** Sends the extension reminders owed, in the background of the web process: on start and then every `intervalMs`. */
import { systemActor } from '../../platform/auth/actor.js'

export function startExtensionReminders(
  contracts: { sendExtensionReminders: (actor: ReturnType<typeof systemActor>) => Promise<number> },
  intervalMs: number,
  onError: (error: unknown) => void = (e) => console.error('Extension reminders failed:', e),
): () => void {
  const actor = systemActor('extension reminders')
  // Each run sends only what is owed and not yet sent, so a run that overlaps a restart is harmless.
  const tick = () => void contracts.sendExtensionReminders(actor).catch(onError)
  tick()
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
