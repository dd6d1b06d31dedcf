import type { Db } from '../database.js'

/** Indexes the market register's home search and filters use (see src/market/homeRepository.ts). */
export async function up(db: Db): Promise<void> {
  await db.schema.createIndex('homes_name').on('homes').column('name').execute()
  // The distance filter narrows to a bounding box on the grid before the exact test.
  await db.schema.createIndex('homes_grid').on('homes').columns(['easting', 'northing']).execute()
  await db.schema.createIndex('beds_status_home').on('beds').columns(['status', 'home_id']).execute()
  await db.schema.createIndex('provider_lots_lot').on('provider_lots').columns(['lot_id', 'status']).execute()
  await db.schema.createIndex('home_categories_category').on('home_categories').column('category').execute()
  await db.schema.createIndex('home_needs_need').on('home_needs').column('need').execute()
}
