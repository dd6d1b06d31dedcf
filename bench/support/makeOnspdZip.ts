// Writes an NSPL-shaped zip from ../shared/data/postcodes/postcodes.csv.gz, as the ONS ships it:
// Data/NSPL_…_UK.csv with the 35 legacy columns, every field quoted, northing zero-padded.
// Run as its own process (by bench/benchmarks/onspdShaped.ts) so its memory is not the benchmark's.
// The zip is streamed: deflated entry with a data descriptor, sizes in the central directory.
import { createReadStream, createWriteStream, renameSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { createGunzip, createDeflateRaw, crc32 } from 'node:zlib'
import { sharedPostcodes } from './sharedData.js'

const HEADER =
  'pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa21,cty,ced,laua,ward,nhser,ctry,rgn,pcon,ttwa,itl,park,lsoa21,msoa21,wz11,sicbl,bua24,ruc21,oac11,lat,long,lep1,lep2,pfa,imd,icb'
const ENTRY = 'Data/NSPL_NOV_2025_UK.csv'
const COUNTRY: Record<string, string> = { E: 'E92000001', W: 'W92000004', S: 'S92000003' }

function nsplLine(postcode: string, lad: string, easting: string, northing: string): string {
  const [outward = '', inward = ''] = postcode.split(' ')
  const pcd = outward.length >= 4 ? `${outward}${inward}` : `${outward.padEnd(4)}${inward}`
  const cells = [
    pcd,
    `${outward.padEnd(4)} ${inward}`,
    postcode,
    '198001',
    '',
    '0',
    easting,
    northing.padStart(7, '0'),
    '1',
    'E00000001',
    'E99999999',
    'E99999999',
    lad,
    'E05000001',
    'E40000005',
    COUNTRY[lad[0] ?? 'E'] ?? 'E92000001',
    'E12000008',
    'E14000001',
    'E30000001',
    'TLJ3',
    'E65000001',
    'E01000001',
    'E02000001',
    'E33000001',
    'E38000001',
    'E63000001',
    'UN1',
    '1A1',
    '50.900000',
    '-1.400000',
    'E37000001',
    '',
    'E23000001',
    '12345',
    'E54000001',
  ]
  return `"${cells.join('","')}"\r\n`
}

async function main(out: string): Promise<void> {
  const dir = sharedPostcodes()
  if (!dir) throw new Error('no ../shared/data/postcodes')
  const tmp = `${out}.partial`
  const file = createWriteStream(tmp)
  const name = Buffer.from(ENTRY)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(0x0808, 6) // sizes and CRC follow the data; UTF-8 name
  local.writeUInt16LE(8, 8)
  local.writeUInt16LE(name.length, 26)
  file.write(local)
  file.write(name)
  const deflate = createDeflateRaw({ level: 6 })
  let crc = 0
  let size = 0
  let packed = 0
  deflate.on('data', (chunk: Buffer) => {
    packed += chunk.length
    if (!file.write(chunk)) deflate.pause()
  })
  file.on('drain', () => deflate.resume())
  const put = async (text: string) => {
    const b = Buffer.from(text)
    crc = crc32(b, crc)
    size += b.length
    if (!deflate.write(b)) await once(deflate, 'drain')
  }
  await put(`${HEADER}\r\n`)
  let tail = ''
  let header = true
  const source = createReadStream(join(dir, 'postcodes.csv.gz')).pipe(createGunzip())
  source.setEncoding('utf8')
  for await (const chunk of source) {
    const lines = (tail + (chunk as string)).split('\n')
    tail = lines.pop() ?? ''
    let block = ''
    for (const line of lines) {
      if (header) {
        header = false
        continue
      }
      if (!line) continue
      const [pc = '', lad = '', e = '', n = ''] = line.split(',')
      block += nsplLine(pc, lad, e, n)
    }
    await put(block)
  }
  deflate.end()
  await once(deflate, 'end')
  const descriptor = Buffer.alloc(16)
  descriptor.writeUInt32LE(0x08074b50, 0)
  descriptor.writeUInt32LE(crc, 4)
  descriptor.writeUInt32LE(packed, 8)
  descriptor.writeUInt32LE(size, 12)
  file.write(descriptor)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(0x0808, 8)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(packed, 20)
  central.writeUInt32LE(size, 24)
  central.writeUInt16LE(name.length, 28)
  central.writeUInt32LE(0, 42)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + name.length, 12)
  end.writeUInt32LE(30 + name.length + packed + 16, 16)
  file.write(central)
  file.write(name)
  file.end(end)
  await once(file, 'finish')
  renameSync(tmp, out)
  console.error(`wrote ${out}: ${ENTRY}, ${(size / 2 ** 20).toFixed(0)} MB of CSV, ${(packed / 2 ** 20).toFixed(0)} MB zipped`)
}

await main(process.argv[2] ?? 'NSPL_NOV_2025_UK.zip')
