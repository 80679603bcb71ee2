import { type ReactNode, useState } from 'react';
import { Dialog as AriaDialog, Heading } from 'react-aria-components';
import { Button } from '../button/Button.tsx';
import { ModalFrame, type ModalOpenProps } from './ModalFrame.tsx';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

export interface ConfirmDialogProps extends ModalOpenProps {
  title: ReactNode;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /**
   * Runs on confirm. If it returns a promise the dialog stays open, pending, until it settles:
   * it closes when it resolves and stays open when it rejects (show the error elsewhere).
   * Otherwise the dialog closes at once, unless it is controlled (`isOpen`), then the caller closes it.
   */
  onConfirm: () => unknown;
  /** Red confirm button, for deletions and cancellations. */
  isDestructive?: boolean;
  /** Pending state driven by the caller (e.g. a mutation's `isPending`). */
  isPending?: boolean;
  /** Announced while pending, e.g. "Suppression en cours". */
  pendingLabel?: string;
}

/**
 * Asks before an action (role `alertdialog`). Focus starts on Cancel, is trapped inside,
 * Escape cancels, and focus returns to the trigger.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  isDestructive = false,
  isPending = false,
  pendingLabel,
  ...open
}: ConfirmDialogProps) {
  const [isWorking, setWorking] = useState(false);
  const pending = isPending || isWorking;
  const isControlled = open.isOpen !== undefined;

  const confirm = async (close: () => void) => {
    const result = onConfirm();
    if (isThenable(result)) {
      setWorking(true);
      try {
        await result;
        close();
      } catch {
        // The caller reports the failure; the dialog stays open so the user can retry or cancel.
      } finally {
        setWorking(false);
      }
    } else if (!isControlled) {
      close();
    }
  };

  return (
    <ModalFrame {...open} isDismissable={false} isKeyboardDismissDisabled={pending} size="medium">
      <AriaDialog className="lk-dialog" role="alertdialog">
        {({ close }) => (
          <>
            <Heading slot="title" className="lk-dialog__title">
              {title}
            </Heading>
            <div className="lk-dialog__body">{children}</div>
            <div className="lk-dialog__footer">
              <Button variant="secondary" autoFocus isDisabled={pending} onPress={close}>
                {cancelLabel}
              </Button>
              <Button
                variant={isDestructive ? 'danger' : 'primary'}
                isPending={pending}
                pendingLabel={pendingLabel}
                onPress={() => void confirm(close)}
              >
                {confirmLabel}
              </Button>
            </div>
          </>
        )}
      </AriaDialog>
    </ModalFrame>
  );
}
