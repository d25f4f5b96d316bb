/** The organisation profile: the controller, its DPO, its Art. 27 representative and joint controllers. Art. 30(1)(a). */
import { zodResolver } from '@hookform/resolvers/zod'
import { FormProvider, useFieldArray, useForm } from 'react-hook-form'
import { z } from 'zod'
import { organisationSchema, type Organisation } from '@core/records/model'
import { newItemId } from '@core/records/new-record'
import { SelectField, TextField } from '../ui/fields'
import { REGIME_LABELS } from '@core/records/enums'
import { useAsyncAction } from '../ui/use-async-action'
import { AdequacyLists } from './AdequacyLists'

/** The first-run form also asks who is using the app, so that every change names its author. */
export const setupSchema = z.object({
  organisation: organisationSchema,
  profile: z.object({
    name: z.string().trim().min(1, 'Your name is required'),
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
  return (
    <fieldset className="section">
      <legend>{legend}</legend>
      <div className="grid">
        <TextField name={`${prefix}.name`} label={nameLabel} />
        <TextField name={`${prefix}.email`} label="E-mail" type="email" />
        <TextField name={`${prefix}.phone`} label="Phone" type="tel" />
        <TextField name={`${prefix}.address`} label="Address" wide />
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
  const form = useForm<SetupInput, unknown, SetupValues>({ resolver: zodResolver(setupSchema), defaultValues: initial })
  const joint = useFieldArray({ control: form.control, name: 'organisation.jointControllers' })
  const submit = useAsyncAction(async (values: SetupValues) => {
    await onSubmit(values)
    // "A different person" applies to one save: the new user is the current user after it.
    const saved = form.getValues()
    form.reset({ ...saved, profile: { ...saved.profile, newPerson: false } }, { keepIsSubmitSuccessful: true })
  }, 'Could not save the organisation')
  return (
    <FormProvider {...form}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void form.handleSubmit(submit.run)(event)}
      >
        {withProfile ? (
          <fieldset className="section">
            <legend>You</legend>
            <p className="section__note">
              Every change you make is recorded under this name in the audit trail. Changing your name here is recorded as a rename: you stay the same user.
            </p>
            <div className="grid">
              <TextField name="profile.name" label="Your name" />
              <TextField name="profile.role" label="Your role" placeholder="e.g. Data Protection Officer" />
            </div>
            {currentUserName ? (
              <div className="field field--checkbox">
                <input id="profile-new-person" type="checkbox" {...form.register('profile.newPerson')} />
                <label htmlFor="profile-new-person">
                  I am not {currentUserName}: record my changes as a different person (for example, to approve records {currentUserName} edited)
                </label>
              </div>
            ) : null}
          </fieldset>
        ) : null}
        <ContactFields prefix="organisation.controller" legend="Controller — Art. 30(1)(a)" nameLabel="Organisation name" />
        <ContactFields prefix="organisation.dpo" legend="Data Protection Officer" nameLabel="DPO name" />
        <ContactFields prefix="organisation.representative" legend="EU / UK representative (Art. 27), where there is one" nameLabel="Representative name" />
        <fieldset className="section">
          <legend>Data protection regime</legend>
          <p className="section__note">
            Which law governs your transfers: the EU&apos;s adequacy list and standard contractual clauses, the UK&apos;s own adequacy list with the IDTA or the UK Addendum, or both. The transfer checks follow this choice.
          </p>
          <div className="grid">
            <SelectField name="organisation.regime" label="Regime for transfers" labels={REGIME_LABELS} />
          </div>
          <AdequacyLists />
        </fieldset>
        <fieldset className="section">
          <legend>Joint controllers</legend>
          {joint.fields.map((field, index) => (
            <div className="item" key={field.id}>
              <div className="grid">
                <TextField name={`organisation.jointControllers.${index}.name`} label="Joint controller name" />
                <TextField name={`organisation.jointControllers.${index}.email`} label="E-mail" type="email" />
                <TextField name={`organisation.jointControllers.${index}.phone`} label="Phone" type="tel" />
                <TextField name={`organisation.jointControllers.${index}.address`} label="Address" wide />
              </div>
              <button type="button" className="button button--small" onClick={() => joint.remove(index)}>
                Remove joint controller
              </button>
            </div>
          ))}
          <button type="button" className="button button--small" onClick={() => joint.append({ id: newItemId(), ...emptyContact })}>
            Add joint controller
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
              Saved
            </span>
          ) : null}
        </div>
      </form>
    </FormProvider>
  )
}
