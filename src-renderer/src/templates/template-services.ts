/** The app's template repository, sharing the register's database and audit trail. */
import { TemplateRepository } from '../db/template-repository'
import { repository } from '../app/services'

export const templateRepository = new TemplateRepository(repository)
