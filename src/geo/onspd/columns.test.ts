import assert from 'node:assert/strict'
import { test } from 'node:test'
import { UserInputError } from '../../platform/errors.js'
import { mapColumns } from './columns.js'

const legacy =
  'pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa21,cty,ced,laua,ward,nhser,ctry,rgn,pcon,ttwa,itl,park,lsoa21,msoa21,wz11,sicbl,bua24,ruc21,oac11,lat,long,lep1,lep2,pfa,imd,icb'
const onspdFull =
  'pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,park,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua11,buasd11,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21,laua'
const v2025 =
  'pcd7,pcd8,pcds,dointr,doterm,usrtypind,east1m,north1m,gridind,oa21cd,cty25cd,ced25cd,lad25cd,wd25cd,nhser24cd,ctry25cd,rgn25cd,pcon24cd,ttwa15cd,itl25cd,npark16cd,lsoa21cd,msoa21cd,wz11cd,sicbl24cd,bua24cd,ruc21ind,oac11ind,lat,long,lep21cd1,lep21cd2,pfa23cd,imd20ind,icb23cd'
const cols = (s: string) => s.split(',')

test('legacy NSPL: pcds, oseast1m, osnrth1m, osgrdind, laua, doterm, lat', () => {
  const h = cols(legacy)
  const m = mapColumns(h, 'NSPL.csv')
  assert.equal(m.kind, 'units')
  assert.equal(m.schema, 'onspd-legacy')
  assert.deepEqual(
    [h[m.key], h[m.easting], h[m.northing], h[m.gridind], h[m.lad], h[m.doterm], h[m.lat]],
    ['pcds', 'oseast1m', 'osnrth1m', 'osgrdind', 'laua', 'doterm', 'lat'],
  )
})

test('the full ONSPD header: laua, never oslaua', () => {
  const h = cols(onspdFull)
  assert.equal(h[mapColumns(h, 'ONSPD.csv').lad], 'laua')
})

test('the 2025 names, in any case, and the newest LAD vintage when there are several', () => {
  const h = cols(v2025.toUpperCase()).concat('LAD24CD')
  const m = mapColumns(h, 'ONSPD_NOV_2025.csv')
  assert.equal(m.schema, 'onspd-2025')
  assert.deepEqual([h[m.key], h[m.easting], h[m.northing], h[m.gridind], h[m.lad]], ['PCDS', 'EAST1M', 'NORTH1M', 'GRIDIND', 'LAD25CD'])
  const aug26 = cols(v2025.replace('lad25cd', 'lad26cd'))
  assert.equal(aug26[mapColumns(aug26, 'NSPL_AUG_2026.csv').lad], 'lad26cd')
})

test('pcd7 alone serves as the postcode column', () => {
  const h = cols(v2025).filter((c) => c !== 'pcds')
  assert.equal(h[mapColumns(h, 'f.csv').key], 'pcd7')
})

test('the redistributed shapes: units, sectors and districts', () => {
  assert.deepEqual(
    [
      cols('postcode,lad,easting,northing'),
      cols('sector,lad,easting,northing,postcodes'),
      cols('outcode,lad,easting,northing,postcodes'),
    ].map((h) => {
      const m = mapColumns(h, 'f.csv')
      return [m.kind, m.schema, m.lad, m.count]
    }),
    [
      ['units', 'postcode-grid', 1, -1],
      ['sectors', 'sectors', 1, 4],
      ['districts', 'districts', 1, 4],
    ],
  )
})

test('a file without grid references is refused, naming the file, what it has and what it needs', () => {
  assert.throws(
    () => mapColumns(cols('pcds,dointr,lat,long'), 'latlong.csv'),
    (e: unknown) =>
      e instanceof UserInputError &&
      e.message.startsWith('latlong.csv: not a postcode file we can read.') &&
      e.message.includes('an easting column (oseast1m, east1m or easting)') &&
      e.message.includes('a northing column') &&
      !e.message.includes('a postcode column') &&
      e.message.endsWith('Its columns are: pcds, dointr, lat, long'),
  )
  assert.throws(() => mapColumns(cols('name,address'), 'homes.csv'), /needs a postcode column .*; an easting column/)
})
