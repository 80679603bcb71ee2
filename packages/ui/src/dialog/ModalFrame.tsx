import type { ReactElement, ReactNode } from 'react';
import { DialogTrigger, Modal, ModalOverlay } from 'react-aria-components';

export interface ModalOpenProps {
  /** A button (ours or RAC's) that opens the dialog; focus returns to it on close. */
  trigger?: ReactElement;
  /** Controlled open state, for dialogs opened from code (then omit `trigger`). */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
}

interface ModalFrameProps extends ModalOpenProps {
  isDismissable: boolean;
  isKeyboardDismissDisabled: boolean;
  size: 'medium' | 'large';
  children: ReactNode;
}

/** The overlay and modal box shared by Dialog and ConfirmDialog: focus is trapped inside. */
export function ModalFrame({
  trigger,
  isOpen,
  onOpenChange,
  isDismissable,
  isKeyboardDismissDisabled,
  size,
  children,
}: ModalFrameProps) {
  const overlay = (
    <ModalOverlay
      className="lk-modal-overlay"
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={isKeyboardDismissDisabled}
      {...(trigger ? {} : { isOpen, onOpenChange })}
    >
      <Modal className="lk-modal" data-size={size}>
        {children}
      </Modal>
    </ModalOverlay>
  );
  if (!trigger) return overlay;
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      {trigger}
      {overlay}
    </DialogTrigger>
  );
}
