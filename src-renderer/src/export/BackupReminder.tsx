/** A reminder on the register page when the last backup is older than a week, or there has never been one. */
import { useEffect, useState } from 'react'
import type { LastBackup } from '../db/backup-repository'
import { NavLink } from '../app/navigation'
import { BACKUP_REMINDER_DAYS, backupAgeDays, backupRepository } from './backup-service'

export function BackupReminder({ recordCount }: { recordCount: number }) {
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
      {last === undefined ? 'No backup of the register has been taken yet.' : `The last backup was taken ${age} days ago.`} A backup file kept off this computer is what saves the register
      from a disk failure. <NavLink to="/data">Back up now</NavLink>
    </p>
  )
}
