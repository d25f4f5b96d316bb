/** The app's single database, repository and register store. */
import { RopaDatabase } from '../db/database'
import { RegisterRepository } from '../db/register-repository'
import { RegisterStore } from '../records/register-store'

export const database = new RopaDatabase()
export const repository = new RegisterRepository(database)
export const registerStore = new RegisterStore(repository)
