/** The statutory timers' own records: when a placement plan was prepared, and the reminders sent (migration 0023). */
export interface TimerTables {
  placement_plans: {
    placement_id: string
    prepared_on: string
    recorded_by: string | null
    created_at: string
  }
  statutory_reminders: {
    id: string
    placement_id: string
    kind: 'placement-plan' | 'visit'
    due_on: string
    /** The reminder day this email was for: one per item per reminder day (unique with placement, kind, due_on). */
    remind_on: string
    to_user_id: string
    outbox_id: string
    created_at: string
  }
}
