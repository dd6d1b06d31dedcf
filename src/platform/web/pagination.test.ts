import assert from 'node:assert/strict'
import { test } from 'node:test'
import { paginationView, parsePage, parseSort, sortableHeader } from './pagination.js'

test('pagination keeps filters, marks the current page and elides distant pages', () => {
  const v = paginationView({ basePath: '/market/homes', query: { q: 'oak', lot: '1' }, page: 5, pageSize: 10, total: 95, noun: 'homes' })
  assert.equal(v.pageCount, 10)
  assert.equal(v.from, 41)
  assert.equal(v.to, 50)
  const numbers = v.pagination.items.map((i) => ('ellipsis' in i ? '…' : i.number))
  assert.deepEqual(numbers, [1, '…', 4, 5, 6, '…', 10])
  assert.equal(v.pagination.previous?.href, '/market/homes?q=oak&lot=1&page=4')
  assert.ok(v.pagination.items.some((i) => 'current' in i && i.current && i.number === 5))
})

test('a page past the end is clamped and an empty list says 0 to 0', () => {
  assert.equal(paginationView({ basePath: '/x', query: {}, page: 99, pageSize: 10, total: 12, noun: 'x' }).page, 2)
  const empty = paginationView({ basePath: '/x', query: {}, page: 1, pageSize: 10, total: 0, noun: 'x' })
  assert.deepEqual([empty.from, empty.to, empty.pagination.next], [0, 0, undefined])
})

test('page and sort parameters from the query string are checked', () => {
  assert.equal(parsePage('abc').page, 1)
  assert.equal(parsePage('-3').page, 1)
  assert.equal(parsePage('7').page, 7)
  assert.deepEqual(parseSort('drop table', 'desc', ['name', 'urn'] as const, 'name'), { key: 'name', direction: 'desc' })
})

test('a sortable header toggles direction and announces the current sort', () => {
  const h = sortableHeader({ text: 'Name', key: 'name', sort: { key: 'name', direction: 'asc' }, basePath: '/h', query: { q: 'a"b' } })
  assert.match(h.html, /sort=name&amp;dir=desc/)
  assert.match(h.html, /q=a%22b/)
  assert.equal(h.attributes['aria-sort'], 'ascending')
})
