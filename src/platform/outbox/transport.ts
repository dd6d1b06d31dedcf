/** How the outbox hands a message to the world: SMTP (nodemailer), or stdout when no mail server is configured. */
import nodemailer from 'nodemailer'
import type { SmtpConfig } from '../config.js'

export type MailMessage = { to: string; subject: string; text: string }

/** Resolves once the mail server has accepted the message; rejects with the server's reason otherwise. */
export type MailTransport = {
  readonly name: string
  send(message: MailMessage): Promise<void>
  close(): void
}

export function createSmtpTransport(config: SmtpConfig): MailTransport {
  const transporter = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.auth ? { auth: config.auth } : {}),
    // nodemailer waits up to 10 minutes on a silent socket by default; a worker should give up sooner.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  })
  return {
    name: `smtp://${config.host}:${config.port}`,
    async send(m) {
      await transporter.sendMail({ from: config.from, to: m.to, subject: m.subject, text: m.text })
    },
    close: () => transporter.close(),
  }
}

/** For development and demos: each message is written to stdout (or `write`) instead of being sent. */
export function createLogTransport(write: (text: string) => void = (t) => process.stdout.write(t)): MailTransport {
  return {
    name: 'log',
    async send(m) {
      write(`\n——— email (not sent: no SMTP_HOST) ———\nTo: ${m.to}\nSubject: ${m.subject}\n\n${m.text}\n———\n`)
    },
    close() {},
  }
}

/** SMTP when configured, otherwise the log transport. */
export function transportFromConfig(smtp: SmtpConfig | null): MailTransport {
  return smtp ? createSmtpTransport(smtp) : createLogTransport()
}
