/**
 * Dates and times as officers and providers type and read them: in UK time, whatever the server's
 * zone. A deadline typed as "12:00" on a summer day is 11:00 UTC; the service stores UTC.
 */
import { formatDate } from '../../platform/web/format.js'

const ZONE = 'Europe/London'

export type DateParts = { day: string; month: string; year: string }
export const noDate = (): DateParts => ({ day: '', month: '', year: '' })

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** The UK wall-clock date ('YYYY-MM-DD') and time ('HH:MM') of an instant. */
export function ukWallClock(iso: string): { date: string; time: string } {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return { date: '', time: '' }
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]))
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` }
}

/** The instant a UK wall-clock date and time names, as an ISO timestamp in UTC. */
export function instantFromUk(date: string, time: string): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number]
  const [h, mi] = time.split(':').map(Number) as [number, number]
  const asUtc = Date.UTC(y, mo - 1, d, h, mi)
  // The zone's offset at that moment (0 in winter, 1 hour in summer); checked twice for the hour clocks change.
  const offsetAt = (ms: number) => {
    const w = ukWallClock(new Date(ms).toISOString())
    const [wy, wmo, wd] = w.date.split('-').map(Number) as [number, number, number]
    const [wh, wmi] = w.time.split(':').map(Number) as [number, number]
    return Date.UTC(wy, wmo - 1, wd, wh, wmi) - ms
  }
  let instant = asUtc - offsetAt(asUtc)
  instant = asUtc - offsetAt(instant)
  return new Date(instant).toISOString()
}

/** The three boxes of a GOV.UK date input, from an ISO date or (in UK time) a timestamp. */
export function datePartsOf(iso: string | null | undefined): DateParts {
  if (!iso) return noDate()
  const date = iso.length > 10 ? ukWallClock(iso).date : iso
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : noDate()
}

/** Three boxes to an ISO date: null when all are blank, 'invalid' when they are not a real date. */
export function isoDateFromParts(p: DateParts): string | null | 'invalid' {
  if (!p.day && !p.month && !p.year) return null
  if (!/^\d{1,2}$/.test(p.day) || !/^\d{1,2}$/.test(p.month) || !/^\d{4}$/.test(p.year)) return 'invalid'
  const iso = `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`
  const d = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : 'invalid'
}

/** '17:00', '9:30' or '9.30' → 'HH:MM' on the 24-hour clock; null when it is not a time. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim())
  if (!m) return null
  const h = Number(m[1])
  const mi = Number(m[2])
  return h <= 23 && mi <= 59 ? `${String(h).padStart(2, '0')}:${m[2]}` : null
}

/** GOV.UK style times: 9am, 5:30pm, midday, midnight. */
export function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  if (h === 12 && m === 0) return 'midday'
  if (h === 0 && m === 0) return 'midnight'
  const hour = h % 12 === 0 ? 12 : h % 12
  return `${hour}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${h < 12 ? 'am' : 'pm'}`
}

/** '25 June 2026 at midday', in UK time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const w = ukWallClock(iso)
  if (!w.date) return iso
  return `${formatDate(w.date)} at ${formatTime(w.time)}`
}
