/**
 * Drafting a template pack from a policy, and the in-app pack editor. Open or paste a policy;
 * the assistant proposes values, each a verbatim passage highlighted in the text; accept, edit or
 * reject each one (keyboard: A, E, R on a proposal), or select any passage and make it a quote
 * for a field; then install the pack (validated like any import) or export it as JSON.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { toast } from 'sonner'
import { MAX_SOURCE_TEXT, type TemplatePack } from '@core/templates/pack-schema'
import { packFromDraft } from '@core/templates/drafting/draft-pack'
import { gapsFor } from '@core/templates/drafting/extract'
import { DRAFT_FIELDS, DRAFT_FIELD_LABELS, describeProposalValue, type DraftField, type DraftProposal } from '@core/templates/drafting/proposal'
import { embeddedPolicyText, proposalsFromPack } from '@core/templates/drafting/proposals-from-pack'
import { locateIn, normaliseWithOffsets } from '@core/templates/drafting/locate-quote'
import { bumpMinor } from '@core/templates/user-pack'
import { describeDiff } from '@core/templates/pack-diff'
import type { Problem } from '@core/util/problems'
import { termLabel } from '@core/vocabulary/vocabulary'
import { NavLink, useLeaveGuard } from '../app/navigation'
import { host } from '../host/host'
import { templateRepository } from '../templates/template-services'
import { useConfirm } from '../ui/confirm'
import { failureReason } from '../ui/failure-text'
import { useAsyncAction } from '../ui/use-async-action'
import { StoppedDrafting, draftInBackground } from './draft-job'
import { ProposalEditor } from './ProposalEditor'
import { acceptPending, acceptedProposals, editValue, itemsByField, quoteSelection, reviewCounts, setStatus, startReview, type ReviewItem, type ReviewStatus } from './review-state'
import { selectionOffsets, textRuns } from './text-marks'

interface Session {
  text: string
  title: string
  vendor: string
  items: ReviewItem[]
  /** The installed pack being edited, whose id and unedited parts are kept. */
  base?: TemplatePack
  packId: string
  version: string
  /** Values of an opened pack the editor could not place in its text. */
  unplaced: string[]
  keptAsTheyAre: string[]
  draftMs?: number
}

interface Outcome {
  tone: 'error' | 'success' | 'info'
  title: string
  lines: string[]
  packId?: string
}

const STATUS_LABELS: Record<ReviewStatus, string> = { pending: 'To review', accepted: 'Accepted', rejected: 'Rejected' }

function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '')?.trim() ?? ''
  return line.length <= 120 ? line : ''
}

function valueText(proposal: DraftProposal): string {
  return describeProposalValue(proposal, termLabel)
}

const problemLines = (problems: readonly Problem[]) => problems.map((problem) => `${problem.path}: ${problem.message}`)

export function DraftingPage({ packId }: { packId?: string }) {
  const [session, setSession] = useState<Session | null>(null)
  const [pasted, setPasted] = useState('')
  const [sourceTitle, setSourceTitle] = useState('')
  const [vendorOption, setVendorOption] = useState('')
  const [reading, setReading] = useState<{ cancel: () => void } | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [editingId, setEditingId] = useState<string | null>(null)
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null)
  const [quoteField, setQuoteField] = useState<DraftField>('dataCategory')
  const [findText, setFindText] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [saved, setSaved] = useState(true)
  const textRef = useRef<HTMLDivElement>(null)
  const confirm = useConfirm()

  const shouldBlock = useCallback(() => session !== null && !saved, [session, saved])
  const askToLeave = useCallback(
    () => confirm({ title: 'Leave the draft?', message: 'Your decisions on this draft have not been installed or exported and will be lost.', confirmLabel: 'Discard the draft', cancelLabel: 'Keep drafting', danger: true }),
    [confirm]
  )
  useLeaveGuard(shouldBlock, askToLeave)

  const update = (change: (items: ReviewItem[]) => ReviewItem[]) => {
    setSession((current) => (current ? { ...current, items: change(current.items) } : current))
    setSaved(false)
  }

  const propose = useAsyncAction(async (text: string, title: string) => {
    if (text.trim() === '') {
      setOutcome({ tone: 'error', title: 'There is no policy text to read.', lines: ['Open a .txt or .md file, or paste the policy into the box.'] })
      return
    }
    if (text.length > MAX_SOURCE_TEXT) {
      setOutcome({ tone: 'error', title: `The policy is ${text.length.toLocaleString('en')} characters long; a pack embeds at most ${MAX_SOURCE_TEXT.toLocaleString('en')}.`, lines: [] })
      return
    }
    setOutcome(null)
    const vendor = vendorOption.trim()
    const job = draftInBackground({ text, ...(vendor ? { vendor } : {}) })
    setReading({ cancel: () => job.cancel() })
    try {
      const { draft, milliseconds } = await job.result
      const resolvedTitle = title.trim() || firstLine(text) || 'Policy'
      setSession({ text, title: resolvedTitle, vendor, items: startReview(draft.proposals), packId: '', version: '0.1.0', unplaced: [], keptAsTheyAre: [], draftMs: milliseconds })
      setSelectedId(null)
      setSaved(false)
    } catch (error) {
      // Stopping is the author's choice, not a failure.
      if (error instanceof StoppedDrafting) setOutcome({ tone: 'info', title: 'Stopped reading the policy; nothing was proposed.', lines: [] })
      else throw error
    } finally {
      setReading(null)
    }
  }, 'Could not read the policy')

  const openPolicyFile = useAsyncAction(async () => {
    const opened = await host.openFile({ title: 'Open a policy text', filters: [{ name: 'Policy text', extensions: ['txt', 'md'] }], maxBytes: MAX_SOURCE_TEXT * 4 })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') {
      setOutcome({ tone: 'error', title: `${opened.name} was not opened.`, lines: [opened.reason] })
      return
    }
    const text = decodeText(opened.bytes)
    if (text === null) {
      setOutcome({ tone: 'error', title: `${opened.name} is not UTF-8 text; nothing was read.`, lines: ['Save the policy as plain text (UTF-8) and open it again.'] })
      return
    }
    setPasted(text)
    const title = sourceTitle.trim() || firstLine(text) || opened.name
    setSourceTitle(title)
    await propose.run(text, title)
  }, 'Could not open the policy file')

  const openInstalled = useAsyncAction(async (id: string) => {
    const installed = (await templateRepository.listPacks()).find((pack) => pack.id === id)
    if (!installed) {
      setOutcome({ tone: 'error', title: `Template pack “${id}” is not installed.`, lines: [] })
      return
    }
    const text = embeddedPolicyText(installed.pack, installed.sourceText)
    if (text === '') {
      setOutcome({ tone: 'error', title: `Pack “${id}” carries no policy text, so there is nothing to show its quotes in.`, lines: ['Draft from the policy text instead: open it as a file or paste it.'] })
      return
    }
    const opened = proposalsFromPack(installed.pack, text)
    setSession({
      text,
      title: installed.pack.source.title,
      vendor: installed.pack.vendor.name,
      items: startReview(opened.proposals, 'accepted'),
      base: installed.pack,
      packId: installed.pack.id,
      version: bumpMinor(installed.pack.version),
      unplaced: opened.unplaced,
      keptAsTheyAre: opened.keptAsTheyAre
    })
    setSaved(true)
  }, 'Could not open the pack')

  const installedPacks = useInstalledPackIds()
  useEffect(() => {
    if (packId) void openInstalled.run(packId)
    // Opened once per address; openInstalled is stable in effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [packId])

  const buildPack = () => {
    if (!session) return null
    return packFromDraft({
      text: session.text,
      title: session.title,
      proposals: acceptedProposals(session.items),
      ...(session.vendor.trim() ? { vendorName: session.vendor.trim() } : {}),
      ...(session.packId.trim() ? { packId: session.packId.trim() } : {}),
      version: session.version.trim(),
      ...(session.base ? { base: session.base } : {})
    })
  }

  const install = useAsyncAction(async () => {
    const built = buildPack()
    if (!built) return
    if (!built.ok) {
      setOutcome({ tone: 'error', title: 'The pack cannot be made yet. Nothing was installed.', lines: problemLines(built.problems) })
      return
    }
    const preview = await templateRepository.previewPackText(built.json)
    if (preview.kind === 'invalid') {
      setOutcome({ tone: 'error', title: 'The pack is not valid. Nothing was installed.', lines: problemLines(preview.problems) })
      return
    }
    if (preview.kind === 'same') {
      setOutcome({ tone: 'info', title: `Pack “${preview.pack.id}” version ${preview.pack.version} is already installed; nothing changed. Raise the version to install your changes.`, lines: [] })
      return
    }
    if (preview.kind === 'older') {
      setOutcome({ tone: 'error', title: `Version ${preview.pack.version} is older than the installed ${preview.installed.version}; nothing changed. Raise the version.`, lines: [] })
      return
    }
    if (preview.kind === 'newer') {
      const update = await confirm({
        title: `Update pack ${preview.pack.id} from ${preview.installed.version} to ${preview.pack.version}?`,
        message: `${describeDiff(preview.diff)}. ${preview.affected.length === 0 ? 'No record was made from an activity this changes.' : `${preview.affected.length} record${preview.affected.length === 1 ? ' was' : 's were'} made from activities this changes; they stay as they are.`}`,
        confirmLabel: 'Update the pack'
      })
      if (!update) {
        setOutcome({ tone: 'info', title: 'Update cancelled; nothing changed.', lines: [] })
        return
      }
    }
    const installed = await templateRepository.applyPack(preview, 'imported')
    setSaved(true)
    setOutcome({
      tone: 'success',
      title: `Installed ${installed.vendorName} pack “${installed.id}” version ${installed.version} with ${installed.pack.activities.length} activit${installed.pack.activities.length === 1 ? 'y' : 'ies'}.`,
      // packFromDraft checked every quote against the embedded text already; the import's own "not checked" would mislead.
      lines: ['Every quote was checked against the policy text embedded in the pack.', ...problemLines(preview.warnings.filter((warning) => !/^no policy text given/.test(warning.message)))],
      packId: installed.id
    })
    toast.success(`Installed ${installed.id} ${installed.version}`)
  }, 'Could not install the pack')

  const exportJson = useAsyncAction(async () => {
    const built = buildPack()
    if (!built) return
    if (!built.ok) {
      setOutcome({ tone: 'error', title: 'The pack cannot be made yet. Nothing was exported.', lines: problemLines(built.problems) })
      return
    }
    const result = await host.saveFile({ title: 'Export the drafted pack', suggestedName: `${built.pack.id}-${built.pack.version}.json`, filters: [{ name: 'Template pack', extensions: ['json'] }], data: built.json })
    if (result.status === 'saved') {
      setSaved(true)
      toast.success(`Exported ${result.name}`)
    }
  }, 'Could not export the pack')

  const marks = useMemo(
    () =>
      (session?.items ?? [])
        .filter((item) => item.status !== 'rejected')
        .map((item) => ({ id: item.proposal.id, span: item.proposal.focus ?? item.proposal.span })),
    [session?.items]
  )
  const runs = useMemo(() => (session ? textRuns(session.text.length, marks) : []), [session, marks])
  const itemById = useMemo(() => new Map((session?.items ?? []).map((item) => [item.proposal.id, item])), [session?.items])

  const showInList = (id: string) => {
    setSelectedId(id)
    document.getElementById(`proposal-${id}`)?.focus()
  }
  const showInText = (id: string) => {
    setSelectedId(id)
    const mark = textRef.current?.querySelector<HTMLElement>(`[data-first-of~="${CSS.escape(id)}"]`)
    mark?.scrollIntoView({ block: 'center' })
    mark?.focus()
  }

  const onItemKey = (event: KeyboardEvent<HTMLLIElement>, item: ReviewItem) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    const key = event.key.toLowerCase()
    if (key === 'a') update((items) => setStatus(items, item.proposal.id, 'accepted'))
    else if (key === 'r') update((items) => setStatus(items, item.proposal.id, 'rejected'))
    else if (key === 'e') setEditingId(item.proposal.id)
    else if (key === 'enter') showInText(item.proposal.id)
    else return
    event.preventDefault()
  }

  const makeQuote = () => {
    if (!session || !selection) return
    const result = quoteSelection(session.items, session.text, selection, quoteField)
    if ('error' in result) {
      setOutcome({ tone: 'error', title: result.error, lines: [] })
      return
    }
    update(() => result.items)
    setSelection(null)
    setFindText('')
    window.getSelection()?.removeAllRanges()
    setSelectedId(result.id)
    toast.success(`Quote added to ${DRAFT_FIELD_LABELS[quoteField]}`)
  }

  if (!session) {
    return (
      <main className="page">
        <header className="page__header">
          <div>
            <h1>Draft a template pack from a policy</h1>
            <p className="lead">Open or paste a vendor's policy. The assistant proposes values, each one the policy's own words; you accept, edit or reject each, then install or export the pack. Nothing leaves this computer.</p>
          </div>
          <div className="page__actions">
            <NavLink to="/templates">Back to the template library</NavLink>
          </div>
        </header>
        {outcome ? <OutcomeBanner outcome={outcome} /> : null}
        <section className="draft-source" aria-labelledby="draft-source-title">
          <h2 id="draft-source-title">The policy</h2>
          <div className="draft-source__row">
            <div className="field">
              <label htmlFor="draft-title">Document title</label>
              <input id="draft-title" value={sourceTitle} placeholder="Its first line when left blank" onChange={(event) => setSourceTitle(event.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="draft-vendor">Vendor name (optional)</label>
              <input id="draft-vendor" value={vendorOption} placeholder="Read from the policy when left blank" onChange={(event) => setVendorOption(event.target.value)} />
            </div>
          </div>
          <div className="field field--wide">
            <label htmlFor="draft-text">Policy text</label>
            <textarea id="draft-text" rows={14} value={pasted} placeholder="Paste the policy here, or open a file" onChange={(event) => setPasted(event.target.value)} />
          </div>
          <div className="draft-source__actions">
            <button type="button" className="button" onClick={() => void openPolicyFile.run()} disabled={reading !== null || openPolicyFile.busy}>
              Open a policy file (.txt, .md)…
            </button>
            <button type="button" className="button button--primary" onClick={() => void propose.run(pasted, sourceTitle)} disabled={reading !== null}>
              Propose values
            </button>
            {reading ? (
              <span role="status" className="draft-source__progress">
                Reading the policy…{' '}
                <button type="button" className="button button--small" onClick={reading.cancel}>
                  Stop
                </button>
              </span>
            ) : null}
          </div>
        </section>
        {installedPacks.length > 0 ? (
          <section className="draft-source" aria-labelledby="draft-open-title">
            <h2 id="draft-open-title">Or edit an installed pack</h2>
            <ul className="draft-packs">
              {installedPacks.map((pack) => (
                <li key={pack.id}>
                  <button type="button" className="button button--small" onClick={() => void openInstalled.run(pack.id)} disabled={openInstalled.busy}>
                    Edit {pack.vendorName} ({pack.id} {pack.version})
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    )
  }

  const counts = reviewCounts(session.items)
  const gaps = gapsFor(acceptedProposals(session.items))
  const groups = itemsByField(session.items)
  const selectedItem = selectedId ? itemById.get(selectedId) : undefined

  return (
    <main className="page page--wide">
      <header className="page__header">
        <div>
          <h1>{session.base ? `Edit pack ${session.base.id}` : 'Review the drafted pack'}</h1>
          <p className="lead">
            {session.title}: {session.items.length} proposals, {counts.accepted} accepted, {counts.rejected} rejected, {counts.pending} to review.
            {session.draftMs !== undefined ? ` Read in ${Math.round(session.draftMs)} ms.` : ''}
          </p>
        </div>
        <div className="page__actions">
          <button type="button" className="button" onClick={() => update((items) => acceptPending(items))} disabled={counts.pending === 0}>
            Accept all to review
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void (async () => {
                if (!saved && !(await askToLeave())) return
                setSession(null)
                setSaved(true)
                setOutcome(null)
              })()
            }
          >
            Start again
          </button>
        </div>
      </header>
      {outcome ? <OutcomeBanner outcome={outcome} /> : null}
      {session.unplaced.length > 0 ? (
        <div className="banner banner--error" role="alert">
          <p>{session.unplaced.length} values of this pack could not be placed in its policy text (their quote is not in it); they are not in the editor and saving would leave them out:</p>
          <ul>{session.unplaced.slice(0, 20).map((line, index) => <li key={index}>{line}</li>)}</ul>
        </div>
      ) : null}
      {session.keptAsTheyAre.length > 0 ? <p className="banner banner--info">Kept as they are when you save (not edited here): {session.keptAsTheyAre.join('; ')}.</p> : null}
      <div className="draft-layout">
        <section className="draft-text-panel" aria-labelledby="draft-text-title">
          <h2 id="draft-text-title">Policy text</h2>
          <p className="hint">Highlights are proposals: Tab to one and press Enter to find it in the list. Select any passage to quote it for a field.</p>
          <div
            ref={textRef}
            className="draft-text"
            role="document"
            aria-label="Policy text with proposals highlighted"
            onMouseUp={() => setSelection(textRef.current ? selectionOffsets(textRef.current, window.getSelection()) : null)}
            onKeyUp={(event) => {
              if (event.shiftKey) setSelection(textRef.current ? selectionOffsets(textRef.current, window.getSelection()) : null)
            }}
          >
            <PolicyRuns text={session.text} runs={runs} itemById={itemById} selectedId={selectedId} onPick={showInList} />
          </div>
        </section>
        <aside className="draft-side" aria-label="Proposals">
          <div className="draft-quote-bar" role="group" aria-label="Make a quote from the selected passage">
            <p className="draft-quote-bar__selection">{selection ? `Selected: “${excerpt(session.text.slice(selection.start, selection.end), 90)}”` : 'Select a passage in the text to quote it.'}</p>
            <form
              className="draft-quote-bar__find"
              onSubmit={(event) => {
                event.preventDefault()
                const span = locateIn(normaliseWithOffsets(session.text), findText)
                if (span) setSelection(span)
                else setOutcome({ tone: 'error', title: `“${excerpt(findText, 80)}” is not in the policy text (spaces and line breaks may differ; other characters must match).`, lines: [] })
              }}
            >
              <label htmlFor="draft-quote-find">Or type the words to quote</label>
              <input id="draft-quote-find" value={findText} onChange={(event) => setFindText(event.target.value)} />
              <button type="submit" className="button button--small" disabled={findText.trim() === ''}>
                Find
              </button>
            </form>
            <label htmlFor="draft-quote-field">Field</label>
            <select id="draft-quote-field" value={quoteField} onChange={(event) => setQuoteField(event.target.value as DraftField)}>
              {DRAFT_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {DRAFT_FIELD_LABELS[field]}
                </option>
              ))}
            </select>
            <button type="button" className="button button--small button--primary" onClick={makeQuote} disabled={!selection}>
              Make quote
            </button>
          </div>
          {selectedItem ? <p className="draft-selected" aria-live="polite">Selected proposal: {DRAFT_FIELD_LABELS[selectedItem.proposal.field]} — {excerpt(valueText(selectedItem.proposal), 80)}</p> : null}
          {groups.map(({ field, items }) => (
            <section key={field} className="draft-group" aria-labelledby={`draft-group-${field}`}>
              <h3 id={`draft-group-${field}`}>
                {DRAFT_FIELD_LABELS[field]} <span className="draft-group__count">({items.filter((item) => item.status === 'accepted').length} of {items.length} accepted)</span>
                {items.some((item) => item.status === 'pending') ? (
                  <button type="button" className="button button--small draft-group__accept" onClick={() => update((all) => acceptPending(all, field))} aria-label={`Accept all ${DRAFT_FIELD_LABELS[field]} to review`}>
                    Accept all
                  </button>
                ) : null}
              </h3>
              {items.length === 0 ? (
                <p className="draft-gap">Nothing found: the policy may be silent here. Select a passage to quote one.</p>
              ) : (
                <ul className="draft-list">
                  {items.map((item) => (
                    <li
                      key={item.proposal.id}
                      id={`proposal-${item.proposal.id}`}
                      tabIndex={0}
                      className={`draft-item draft-item--${item.status}${selectedId === item.proposal.id ? ' draft-item--selected' : ''}`}
                      aria-label={`${DRAFT_FIELD_LABELS[field]}: ${valueText(item.proposal)}, ${STATUS_LABELS[item.status]}`}
                      onKeyDown={(event) => onItemKey(event, item)}
                      onFocus={(event) => {
                        if (event.target === event.currentTarget) setSelectedId(item.proposal.id)
                      }}
                    >
                      <div className="draft-item__head">
                        <span className="draft-item__value">{valueText(item.proposal)}</span>
                        <span className={`badge draft-badge draft-badge--${item.status}`}>{STATUS_LABELS[item.status]}{item.edited ? ', edited' : ''}{item.authored ? ', your quote' : ''}</span>
                      </div>
                      <p className="draft-item__why">{item.proposal.reason}</p>
                      <blockquote className="draft-item__quote">{excerpt(item.proposal.quote, 220)}</blockquote>
                      {editingId === item.proposal.id ? (
                        <ProposalEditor
                          proposal={item.proposal}
                          onSave={(value) => {
                            update((items) => editValue(items, item.proposal.id, value))
                            setEditingId(null)
                            document.getElementById(`proposal-${item.proposal.id}`)?.focus()
                          }}
                          onCancel={() => {
                            setEditingId(null)
                            document.getElementById(`proposal-${item.proposal.id}`)?.focus()
                          }}
                        />
                      ) : (
                        <div className="draft-item__actions">
                          <button type="button" className="button button--small" onClick={() => update((items) => setStatus(items, item.proposal.id, 'accepted'))} disabled={item.status === 'accepted'}>
                            Accept
                          </button>
                          <button type="button" className="button button--small" onClick={() => setEditingId(item.proposal.id)}>
                            Edit
                          </button>
                          <button type="button" className="button button--small" onClick={() => update((items) => setStatus(items, item.proposal.id, 'rejected'))} disabled={item.status === 'rejected'}>
                            Reject
                          </button>
                          <button type="button" className="button button--small button--link" onClick={() => showInText(item.proposal.id)}>
                            Show in text
                          </button>
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </aside>
      </div>
      <section className="draft-save" aria-labelledby="draft-save-title">
        <h2 id="draft-save-title">Save the pack</h2>
        {gaps.length > 0 ? (
          <div className="draft-gaps">
            <h3>Nothing accepted for</h3>
            <ul>{gaps.map((gap) => <li key={gap.field}>{DRAFT_FIELD_LABELS[gap.field]}</li>)}</ul>
            <p className="hint">Check that the policy is silent on these; the pack lists each open point as a gap for the DPO.</p>
          </div>
        ) : null}
        <div className="draft-source__row">
          <div className="field">
            <label htmlFor="draft-save-vendor">Vendor name</label>
            <input id="draft-save-vendor" value={session.vendor} placeholder="The accepted vendor's name" onChange={(event) => setSession({ ...session, vendor: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="draft-save-id">Pack id</label>
            <input id="draft-save-id" value={session.packId} placeholder="Made from the vendor's name" disabled={session.base !== undefined} onChange={(event) => setSession({ ...session, packId: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="draft-save-version">Version</label>
            <input id="draft-save-version" value={session.version} onChange={(event) => setSession({ ...session, version: event.target.value })} />
          </div>
        </div>
        <div className="draft-source__actions">
          <button type="button" className="button button--primary" onClick={() => void install.run()} disabled={install.busy || counts.accepted === 0}>
            Install pack
          </button>
          <button type="button" className="button" onClick={() => void exportJson.run()} disabled={exportJson.busy || counts.accepted === 0}>
            Export JSON…
          </button>
        </div>
      </section>
    </main>
  )
}

function excerpt(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat
}

function OutcomeBanner({ outcome }: { outcome: Outcome }) {
  const bannerRef = useRef<HTMLDivElement>(null)
  // The save buttons are at the foot of a long page: bring the result into view.
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which React would take for a clean-up.
    bannerRef.current?.scrollIntoView({ block: 'nearest' })
  }, [outcome])
  return (
    <div ref={bannerRef} className={`banner tpl-outcome banner--${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : 'status'} aria-label="Drafting result">
      <p className="tpl-outcome__title">
        {outcome.title} {outcome.packId ? <NavLink to={`/templates/${encodeURIComponent(outcome.packId)}`}>Open the pack</NavLink> : null}
      </p>
      {outcome.lines.length > 0 ? (
        <ul className="tpl-outcome__lines">
          {outcome.lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** The policy text with each run of highlighted words as a <mark>; the first run of each proposal takes the keyboard focus. */
function PolicyRuns({
  text,
  runs,
  itemById,
  selectedId,
  onPick
}: {
  text: string
  runs: ReturnType<typeof textRuns>
  itemById: Map<string, ReviewItem>
  selectedId: string | null
  onPick: (id: string) => void
}) {
  const seen = new Set<string>()
  return (
    <>
      {runs.map((run) => {
        const content = text.slice(run.start, run.end)
        if (run.ids.length === 0) return <span key={run.start}>{content}</span>
        const firstOf = run.ids.filter((id) => !seen.has(id))
        for (const id of firstOf) seen.add(id)
        // The innermost highlight (the last given, or the shortest) is the one a click picks.
        const items = run.ids.map((id) => itemById.get(id)).filter((item) => item !== undefined)
        const innermost = [...items].sort((a, b) => (a.proposal.focus ?? a.proposal.span).end - (a.proposal.focus ?? a.proposal.span).start - ((b.proposal.focus ?? b.proposal.span).end - (b.proposal.focus ?? b.proposal.span).start))[0]
        if (!innermost) return <span key={run.start}>{content}</span>
        const accepted = items.some((item) => item.status === 'accepted')
        const focusable = firstOf.length > 0
        const label = items.map((item) => `${DRAFT_FIELD_LABELS[item.proposal.field]}: ${valueText(item.proposal)} (${STATUS_LABELS[item.status].toLowerCase()})`).join('; ')
        return (
          <mark
            key={run.start}
            className={`draft-mark${accepted ? ' draft-mark--accepted' : ''}${run.ids.includes(selectedId ?? '') ? ' draft-mark--selected' : ''}${items.length > 1 ? ' draft-mark--nested' : ''}`}
            data-first-of={firstOf.join(' ') || undefined}
            tabIndex={focusable ? 0 : undefined}
            role={focusable ? 'button' : undefined}
            aria-label={focusable ? label : undefined}
            title={label}
            onClick={() => onPick(innermost.proposal.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault()
                onPick(innermost.proposal.id)
              }
            }}
          >
            {content}
          </mark>
        )
      })}
    </>
  )
}

function useInstalledPackIds(): Array<{ id: string; version: string; vendorName: string }> {
  const [packs, setPacks] = useState<Array<{ id: string; version: string; vendorName: string }>>([])
  useEffect(() => {
    let live = true
    templateRepository.listPacks().then(
      (list) => {
        if (live) setPacks(list.map((pack) => ({ id: pack.id, version: pack.version, vendorName: pack.vendorName })))
      },
      (error: unknown) => toast.error(`Could not list the installed packs: ${failureReason(error)}`)
    )
    return () => {
      live = false
    }
  }, [])
  return packs
}
