/** A reminder on the register page when the last backup is older than a week, or there has never been one. */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LastBackup } from '../db/backup-repository'
import { NavLink } from '../app/navigation'
import { BACKUP_REMINDER_DAYS, backupAgeDays, backupRepository } from './backup-service'

export function BackupReminder({ recordCount }: { recordCount: number }) {
  const { t } = useTranslation()
  const [last, setLast] = useState<LastBackup | undefined | null>(null)
  useEffect(() => {
    const read = () => void backupRepository.lastBackup().then(setLast)
    read()
    return backupRepository.onLastBackupChange(read)
  }, [])
  const age = last === null ? null : backupAgeDays(last)
  // Nothing to lose yet, still loading, or recent enough.
  if (recordCount === 0 || last === null || (age !== null && age <= BACKUP_REMINDER_DAYS)) return null
  return (
    <p className="banner banner--warn backup-reminder" role="status">
      {last === undefined ? t('backup.never') : t('backup.daysAgo', { count: age ?? 0, n: age ?? 0 })} {t('backup.why')} <NavLink to="/data">{t('backup.now')}</NavLink>
    </p>
  )
}
