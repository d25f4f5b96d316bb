/** The organisation profile: the controller, its DPO, its Art. 27 representative and joint controllers. Art. 30(1)(a). */
import { zodResolver } from '@hookform/resolvers/zod'
import { FormProvider, useFieldArray, useForm } from 'react-hook-form'
import { z } from 'zod'
import { useTranslation } from 'react-i18next'
import { organisationSchema, type Organisation } from '@core/records/model'
import { newItemId } from '@core/records/new-record'
import { SelectField, TextField } from '../ui/fields'
import { enumLabels } from '../i18n/labels'
import { t as translate } from '../i18n/i18n'
import { useAsyncAction } from '../ui/use-async-action'
import { AdequacyLists } from './AdequacyLists'

/** The first-run form also asks who is using the app, so that every change names its author. */
export const setupSchema = z.object({
  organisation: organisationSchema,
  profile: z.object({
    name: z.string().trim().min(1, { error: () => translate('organisation.nameRequired') }),
    role: z.string().trim().max(200).default(''),
    /** Someone else now uses the app here: their changes are recorded under a new user id. */
    newPerson: z.boolean().default(false)
  })
})
export type SetupValues = z.infer<typeof setupSchema>
type SetupInput = z.input<typeof setupSchema>

const emptyContact = { name: '', address: '', email: '', phone: '' }
export const emptyOrganisation = (): Organisation => ({ controller: { ...emptyContact }, dpo: { ...emptyContact }, representative: { ...emptyContact }, jointControllers: [], regime: 'eu', updatedAt: '' })

function ContactFields({ prefix, legend, nameLabel }: { prefix: string; legend: string; nameLabel: string }) {
  const { t } = useTranslation()
  return (
    <fieldset className="section">
      <legend>{legend}</legend>
      <div className="grid">
        <TextField name={`${prefix}.name`} label={nameLabel} />
        <TextField name={`${prefix}.email`} label={t('organisation.email')} type="email" />
        <TextField name={`${prefix}.phone`} label={t('organisation.phone')} type="tel" />
        <TextField name={`${prefix}.address`} label={t('organisation.address')} wide />
      </div>
    </fieldset>
  )
}

interface Props {
  initial: SetupInput
  withProfile: boolean
  /** The user set up now, if any: offers "I am a different person" (a new user id, not a rename). */
  currentUserName?: string
  submitLabel: string
  onSubmit: (values: SetupValues) => Promise<void>
}

export function OrganisationForm({ initial, withProfile, currentUserName, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation()
  const form = useForm<SetupInput, unknown, SetupValues>({ resolver: zodResolver(setupSchema), defaultValues: initial })
  const joint = useFieldArray({ control: form.control, name: 'organisation.jointControllers' })
  const submit = useAsyncAction(async (values: SetupValues) => {
    await onSubmit(values)
    // "A different person" applies to one save: the new user is the current user after it.
    const saved = form.getValues()
    form.reset({ ...saved, profile: { ...saved.profile, newPerson: false } }, { keepIsSubmitSuccessful: true })
  }, t('organisation.couldNotSave'))
  return (
    <FormProvider {...form}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void form.handleSubmit(submit.run)(event)}
      >
        {withProfile ? (
          <fieldset className="section">
            <legend>{t('organisation.you')}</legend>
            <p className="section__note">{t('organisation.youNote')}</p>
            <div className="grid">
              <TextField name="profile.name" label={t('organisation.yourName')} />
              <TextField name="profile.role" label={t('organisation.yourRole')} placeholder={t('organisation.yourRolePlaceholder')} />
            </div>
            {currentUserName ? (
              <div className="field field--checkbox">
                <input id="profile-new-person" type="checkbox" {...form.register('profile.newPerson')} />
                <label htmlFor="profile-new-person">{t('organisation.notMe', { name: currentUserName })}</label>
              </div>
            ) : null}
          </fieldset>
        ) : null}
        <ContactFields prefix="organisation.controller" legend={t('organisation.controllerLegend')} nameLabel={t('organisation.organisationName')} />
        <ContactFields prefix="organisation.dpo" legend={t('organisation.dpoLegend')} nameLabel={t('organisation.dpoName')} />
        <ContactFields prefix="organisation.representative" legend={t('organisation.representativeLegend')} nameLabel={t('organisation.representativeName')} />
        <fieldset className="section">
          <legend>{t('organisation.regimeLegend')}</legend>
          <p className="section__note">{t('organisation.regimeNote')}</p>
          <div className="grid">
            <SelectField name="organisation.regime" label={t('organisation.regime')} labels={enumLabels('REGIME_LABELS')} />
          </div>
          <AdequacyLists />
        </fieldset>
        <fieldset className="section">
          <legend>{t('organisation.jointLegend')}</legend>
          {joint.fields.map((field, index) => (
            <div className="item" key={field.id}>
              <div className="grid">
                <TextField name={`organisation.jointControllers.${index}.name`} label={t('organisation.jointName')} />
                <TextField name={`organisation.jointControllers.${index}.email`} label={t('organisation.email')} type="email" />
                <TextField name={`organisation.jointControllers.${index}.phone`} label={t('organisation.phone')} type="tel" />
                <TextField name={`organisation.jointControllers.${index}.address`} label={t('organisation.address')} wide />
              </div>
              <button type="button" className="button button--small" onClick={() => joint.remove(index)}>
                {t('organisation.removeJoint')}
              </button>
            </div>
          ))}
          <button type="button" className="button button--small" onClick={() => joint.append({ id: newItemId(), ...emptyContact })}>
            {t('organisation.addJoint')}
          </button>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
            {submitLabel}
          </button>
          {submit.error ? (
            <span className="action-error" role="alert">
              {submit.error}
            </span>
          ) : form.formState.isSubmitSuccessful && !form.formState.isDirty ? (
            <span className="saved" role="status">
              {t('common.saved')}
            </span>
          ) : null}
        </div>
      </form>
    </FormProvider>
  )
}
