import assert from 'node:assert/strict'
import { test } from 'node:test'
import { z } from 'zod'
import { validateForm } from './formErrors.js'

const Schema = z.object({
  email: z.string().trim().email({ message: 'Enter an email address in the correct format, like name@example.com' }),
  places: z.coerce.number({ message: 'Enter the number of places' }).int().min(0, { message: 'Places must be 0 or more' }),
})

test('each bad control is named once, in order, with a link to it', () => {
  const r = validateForm(Schema, { email: 'nope', places: '-1' })
  assert.equal(r.ok, false)
  if (r.ok) return
  assert.deepEqual(
    r.errors.list.map((e) => e.href),
    ['#email', '#places'],
  )
  assert.equal(r.errors.byField.places?.text, 'Places must be 0 or more')
})

test('a good form comes back typed and trimmed', () => {
  const r = validateForm(Schema, { email: ' a@b.uk ', places: '4' })
  assert.deepEqual(r, { ok: true, data: { email: 'a@b.uk', places: 4 } })
})
