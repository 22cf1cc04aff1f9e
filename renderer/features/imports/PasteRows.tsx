import { Field } from '../../components/form/Field';
import { Button } from '../../components/ui/Button';
import { useEffect, useState } from 'react';
import type { PasteTarget } from '../../../shared/api/methods/paste';
import { api } from '../../api/api';
import { dataChanged } from '../../api/data-version';
import { useApiQuery } from '../../api/use-api-query';
import { Drawer } from '../../components/Drawer';
import { showNotice, type NoticeAction } from '../../components/notices';
import { ImportPanel, type ImportKind } from './ImportPanel';
import { pastedPreviewModel } from './preview-model';

interface PasteRowsProps {
  cycleId: string;
  into: PasteTarget;
  /** The screen's rows in the users' words: "activities", "budget lines", "indicator targets". */
  what: string;
  /** Rows were saved: the screen reads its rows again. */
  onSaved: () => void;
}

/** How cells may be typed, as the workbook import reads them. */
const TYPING_HINTS: Record<PasteTarget, string> = {
  activities: 'Dates may be written day first (1/7/2026, 1 Jul 2026, 2026-07-01); wards separated by commas or semicolons.',
  budgetLines: 'Amounts may be written 1,250,000, KES 1,250,000, USD 120,000 or 1.25M; activities by their code, contributors by their short name or name.',
  indicatorTargets: 'Indicators by their code or name; a target column per period ("Q1" or "Q1 target"), and "Q1 actual" for actuals.',
};

/** Cells copied from a spreadsheet: more than one cell or more than one line. */
const looksLikeRows = (text: string) => /[\t\n]/.test(text.trim());

/** Whether the keyboard is in a field, where Ctrl+V pastes into the field itself. */
function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The notice's Undo for a paste: the import history's undo, which restores the backup taken before it. */
const undoPaste: NoticeAction = {
  label: 'Undo',
  run: async () => {
    const result = await api('bundle:undo', {});
    if (!result.ok) return showNotice(result.error.message, { tone: 'problem' });
    dataChanged();
    showNotice('The pasted rows were taken back.');
  },
};

/**
 * "Paste rows from Excel": rows copied from a spreadsheet go through the workbook import's preview
 * (every problem at once) and are applied together, or not at all. Ctrl+V with no field focused
 * opens it with what was copied.
 */
export function PasteRows({ cycleId, into, what, onSaved }: PasteRowsProps) {
  const [opened, setOpened] = useState<{ text: string } | null>(null);

  useEffect(() => {
    if (opened) return;
    const onPaste = (event: ClipboardEvent) => {
      const text = event.clipboardData?.getData('text/plain') ?? '';
      // A drawer or dialog open elsewhere on the screen owns the keyboard.
      if (typingInField(event.target) || document.querySelector('[role="dialog"]') || !looksLikeRows(text)) return;
      event.preventDefault();
      setOpened({ text });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [opened]);

  return (
    <>
      <Button size="small" onClick={() => setOpened({ text: '' })}>
        Paste rows from Excel
      </Button>
      {opened ? (
        <Drawer title={`Paste ${what} from Excel`} wide onClose={() => setOpened(null)}>
          <PasteBox
            cycleId={cycleId}
            into={into}
            what={what}
            initialText={opened.text}
            onCancel={() => setOpened(null)}
            onSaved={onSaved}
            onDone={(message) => {
              setOpened(null);
              showNotice(message, { action: undoPaste });
            }}
          />
        </Drawer>
      ) : null}
    </>
  );
}

interface PasteBoxProps extends Omit<PasteRowsProps, 'onSaved'> {
  initialText: string;
  onCancel: () => void;
  onSaved: () => void;
  /** Every pasted row was saved: the drawer closes and the notice says what changed. */
  onDone: (message: string) => void;
}

const count = (sheets: { added: unknown[]; changed: unknown[] }[], pick: 'added' | 'changed') => sheets.reduce((sum, sheet) => sum + sheet[pick].length, 0);

function PasteBox({ cycleId, into, what, initialText, onCancel, onSaved, onDone }: PasteBoxProps) {
  const [text, setText] = useState(initialText);
  const columns = useApiQuery('paste:columns', { cycleId, into });
  const kind: ImportKind<string> = {
    preview: async (pasted) => {
      const result = await api('paste:preview', { cycleId, into, text: pasted });
      return result.ok ? { ok: true, value: pastedPreviewModel(result.value) } : result;
    },
    apply: async (pasted, { validOnly }) => {
      const result = await api('paste:apply', { cycleId, into, text: pasted, applyValidOnly: validOnly });
      if (!result.ok) return result;
      const { applied, preview, rejectedText } = result.value;
      const saved = `Pasted ${what}: ${count(preview.sheets, 'added')} added, ${count(preview.sheets, 'changed')} changed.`;
      if (applied) onSaved();
      if (applied && rejectedText === null) onDone(saved);
      if (rejectedText !== null) setText(rejectedText);
      const message = !applied
        ? 'Nothing was saved.'
        : `${saved} The rows with problems were left out: they are in the box above, with the header row, to fix and preview again.`;
      return { ok: true, value: { applied, message } };
    },
    applyLabel: 'Add the rows',
    validOnlyLabel: 'Save the valid rows only, and keep the others here to fix',
    fixHint: 'Fix the rows in the box (or in Excel, and paste them again), or choose to save the valid rows only.',
    nothingHint: 'Nothing to change: the plan already holds these rows as they are.',
  };
  const order = columns.status === 'ready' ? columns.value.order.join(', ') : '…';

  return (
    <ImportPanel
      label={`Paste ${what} from Excel`}
      heading={false}
      kind={kind}
      onCancel={onCancel}
      {...(initialText.trim() ? { start: { source: initialText, name: 'the pasted rows' } } : {})}
      input={(read, busy) => (
        <>
          <p className="muted">
            In Excel, select the rows with their header row (or without it, in this order: {order}), copy them with Ctrl+C and paste them below with Ctrl+V.{' '}
            {TYPING_HINTS[into]}
          </p>
          <Field label="Rows copied from Excel">
            {(control) => (
              <textarea
                {...control}
                className="paste-box"
                value={text}
                rows={8}
                spellCheck={false}
                wrap="off"
                disabled={busy}
                onChange={(event) => setText(event.target.value)}
                onPaste={(event) => {
                  // Pasted into an empty box: read at once, since a preview is what comes next.
                  const pasted = event.clipboardData.getData('text/plain');
                  if (text.trim() !== '' || pasted.trim() === '') return;
                  event.preventDefault();
                  setText(pasted);
                  read(pasted, 'the pasted rows');
                }}
              />
            )}
          </Field>
          <p>
            <Button disabled={busy || text.trim() === ''} onClick={() => read(text, 'the pasted rows')}>
              Preview the rows
            </Button>
          </p>
        </>
      )}
    />
  );
}
