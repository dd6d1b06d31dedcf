import assert from 'node:assert/strict'
import { test } from 'node:test'
import { UserInputError } from '../../platform/errors.js'
import { mapColumns } from './columns.js'
import { readCentroidRow, readUnitRow } from './rows.js'

const header = 'pcds,doterm,oseast1m,osnrth1m,osgrdind,laua,lat'.split(',')
const map = mapColumns(header, 'f.csv')
const row = (s: string) => readUnitRow(s.split(','), map, 7, 'f.csv')

test('a live and a terminated postcode, with the grid reference read as whole metres', () => {
  assert.deepEqual(row('so14 7aa,,442500,0112200,1,E06000045,50.9'), {
    postcode: 'SO14 7AA',
    sector: 'SO14 7',
    district: 'SO14',
    lad: 'E06000045',
    easting: 442_500,
    northing: 112_200,
    terminated: 0,
  })
  assert.equal((row('SO14 7AA,200512,442500,112200,1,,50.9') as { terminated: number; lad: unknown }).terminated, 1)
  assert.equal((row('SO14 7AA,,442500.6,112200,1,,50.9') as { easting: number }).easting, 442_501)
})

test('rows left out on purpose: Northern Ireland, and each of the three no-grid-reference signs', () => {
  assert.equal(row('BT1 1AA,,333000,374000,1,N09000003,54.6'), 'northern-ireland')
  assert.equal(row('SO14 9ZZ,,442500,112200,9,E06000045,50.9'), 'no-grid')
  assert.equal(row('SO14 9ZZ,,442500,112200,1,E06000045,99.999999'), 'no-grid')
  assert.equal(row('SO14 9ZZ,,,112200,1,E06000045,50.9'), 'no-grid')
})

test('a malformed row names the file, line and column', () => {
  const fails = (s: string, re: RegExp, column: string) =>
    assert.throws(
      () => row(s),
      (e: unknown) => e instanceof UserInputError && re.test(e.message) && e.where?.row === 7 && e.where?.column === column,
    )
  fails('SO14 7XYZ,,442500,112200,1,E06000045,50.9', /^f\.csv: line 7, column pcds: 'SO14 7XYZ' is not a UK postcode$/, 'pcds')
  fails('SO14 7AA,,east,112200,1,E06000045,50.9', /^f\.csv: line 7, column oseast1m: 'east' is not an easting in metres/, 'oseast1m')
  fails('SO14 7AA,,442500,9999999,1,E06000045,50.9', /column osnrth1m: '9999999' is not a northing/, 'osnrth1m')
  fails('SO14 7AA,,442500,112200,1,Southampton,50.9', /column laua: 'Southampton' is not an ONS local authority code/, 'laua')
  assert.throws(() => row('SO14 7AA,,442500'), /f\.csv: line 7 has 3 fields where the header has 7/)
})

test('centroid rows: a sector must look like a sector, a count like a count', () => {
  const sectors = mapColumns('sector,lad,easting,northing,postcodes'.split(','), 's.csv')
  assert.deepEqual(readCentroidRow('so14 7,E06000045,442600,112200,300'.split(','), sectors, 2, 's.csv'), {
    key: 'SO14 7',
    lad: 'E06000045',
    easting: 442_600,
    northing: 112_200,
    postcodes: 300,
  })
  assert.equal(readCentroidRow('BT1 1,N09000003,333000,374000,20'.split(','), sectors, 2, 's.csv'), 'northern-ireland')
  assert.throws(
    () => readCentroidRow('SO14,E06000045,1,1,3'.split(','), sectors, 5, 's.csv'),
    /s\.csv: line 5, column sector: 'SO14' is not a postcode sector \(like SO14 7\)/,
  )
  assert.throws(
    () => readCentroidRow('SO14 7,E06000045,1,1,many'.split(','), sectors, 5, 's.csv'),
    /column postcodes: 'many' is not a count/,
  )
})
