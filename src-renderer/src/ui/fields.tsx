/** Labelled form controls with their validation message, wired to react-hook-form. */
import { useId, type ReactNode } from 'react'
import { get, useFormContext, type FieldErrors, type RegisterOptions } from 'react-hook-form'

export function errorMessage(errors: FieldErrors, name: string): string | undefined {
  const error: unknown = get(errors, name)
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : undefined
}

interface ShellProps {
  label: string
  htmlFor: string
  error?: string
  hint?: ReactNode
  wide?: boolean
  children: ReactNode
}

export function FieldShell({ label, htmlFor, error, hint, wide, children }: ShellProps) {
  return (
    <div className={`field${wide ? ' field--wide' : ''}${error ? ' field--invalid' : ''}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && !error ? <p className="field__hint">{hint}</p> : null}
      {error ? (
        <p className="field__error" role="alert" id={`${htmlFor}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

interface InputProps {
  name: string
  label: string
  hint?: ReactNode
  wide?: boolean
  type?: 'text' | 'email' | 'tel' | 'date' | 'url'
  placeholder?: string
  options?: RegisterOptions
}

export function TextField({ name, label, hint, wide, type = 'text', placeholder, options }: InputProps) {
  const { register, formState } = useFormContext()
  const id = useId()
  const error = errorMessage(formState.errors, name)
  return (
    <FieldShell label={label} htmlFor={id} error={error} hint={hint} wide={wide}>
      <input id={id} type={type} placeholder={placeholder} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...register(name, options)} />
    </FieldShell>
  )
}

export function TextAreaField({ name, label, hint, rows = 3 }: Omit<InputProps, 'type'> & { rows?: number }) {
  const { register, formState } = useFormContext()
  const id = useId()
  const error = errorMessage(formState.errors, name)
  return (
    <FieldShell label={label} htmlFor={id} error={error} hint={hint} wide>
      <textarea id={id} rows={rows} aria-invalid={error ? true : undefined} {...register(name)} />
    </FieldShell>
  )
}

export function SelectField({
  name,
  label,
  labels,
  blank,
  hint,
  options
}: {
  name: string
  label: string
  labels: Record<string, string>
  /** Text of the empty choice; omit when a value is required. */
  blank?: string
  hint?: ReactNode
  options?: RegisterOptions
}) {
  const { register, formState } = useFormContext()
  const id = useId()
  const error = errorMessage(formState.errors, name)
  return (
    <FieldShell label={label} htmlFor={id} error={error} hint={hint}>
      <select id={id} aria-invalid={error ? true : undefined} {...register(name, options)}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {Object.entries(labels).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

export function CheckboxField({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext()
  const id = useId()
  return (
    <div className="field field--checkbox">
      <input id={id} type="checkbox" {...register(name)} />
      <label htmlFor={id}>{label}</label>
    </div>
  )
}
