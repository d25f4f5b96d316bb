/** The guided import's repository, next to the app's own singletons in app/services.ts. */
import { database, repository } from '../app/services'
import { MigrationRepository } from '../db/migration-repository'

export const migrationRepository = new MigrationRepository(database, repository)
