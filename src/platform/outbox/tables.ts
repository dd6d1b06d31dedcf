/** The email outbox: messages written in the transaction that causes them, sent afterwards. */
export interface OutboxTables {
  outbox: {
    id: string
    to_address: string
    subject: string
    body_text: string
    created_at: string
    /** 'sending' while one worker has claimed it; a message is claimed at most once per attempt. */
    status: 'pending' | 'sending' | 'sent' | 'failed'
    attempts: number
    next_attempt_at: string
    claimed_at: string | null
    last_error: string | null
    sent_at: string | null
    purpose: string
    related_id: string | null
  }
}
