/** A real SMTP server on 127.0.0.1 (the smtp-server package), for tests: records what it receives. */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export type ReceivedEmail = { from: string; to: string[]; subject: string; body: string; raw: string }

/** Given the recipient and the how-manyth RCPT TO this is (from 1), a rejection — or null to accept. */
export type RcptPolicy = (address: string, attempt: number) => { code: number; message: string } | null

function decodeQuotedPrintable(s: string): string {
  const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`)
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'))
}

function parse(raw: string, from: string, to: string[]): ReceivedEmail {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const headers = new Map(
    head.split('\r\n').map((line) => {
      const i = line.indexOf(':')
      return [line.slice(0, i).toLowerCase(), line.slice(i + 1).trim()] as const
    }),
  )
  let body = raw.slice(split + 4)
  if (headers.get('content-transfer-encoding')?.toLowerCase() === 'quoted-printable') body = decodeQuotedPrintable(body)
  return { from, to, subject: headers.get('subject') ?? '', body: body.replace(/\r\n/g, '\n').replace(/\n$/, ''), raw }
}

export async function startLocalSmtpServer() {
  const received: ReceivedEmail[] = []
  let policy: RcptPolicy = () => null
  let rcptAttempts = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const rejection = policy(address.address, ++rcptAttempts)
      if (!rejection) return callback()
      const error = Object.assign(new Error(rejection.message), { responseCode: rejection.code })
      callback(error)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : ''
        received.push(
          parse(
            Buffer.concat(chunks).toString('utf8'),
            from,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        )
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    received,
    /** Replaces the recipient policy and restarts its attempt count. */
    setPolicy(p: RcptPolicy) {
      policy = p
      rcptAttempts = 0
    },
    reset() {
      received.length = 0
      this.setPolicy(() => null)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
export type LocalSmtpServer = Awaited<ReturnType<typeof startLocalSmtpServer>>
