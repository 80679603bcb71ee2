import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading } from 'react-aria-components';
import { Button } from '../button/Button.tsx';
import { CloseIcon } from './CloseIcon.tsx';
import { ModalFrame, type ModalOpenProps } from './ModalFrame.tsx';

type WithClose = ReactNode | ((close: () => void) => ReactNode);

export interface DialogProps extends ModalOpenProps {
  title: ReactNode;
  /** Accessible name of the × button, e.g. "Fermer". */
  closeLabel: string;
  /** Content; a function receives `close`. */
  children: WithClose;
  /** Buttons at the bottom; a function receives `close`. */
  footer?: WithClose;
  /** Whether a click outside closes it. Escape always does. Default true. */
  isDismissable?: boolean;
  size?: 'medium' | 'large';
}

function render(content: WithClose, close: () => void): ReactNode {
  return typeof content === 'function' ? content(close) : content;
}

/** A modal dialog titled by its heading; Escape closes it and focus returns to what opened it. */
export function Dialog({
  title,
  closeLabel,
  children,
  footer,
  isDismissable = true,
  size = 'medium',
  ...open
}: DialogProps) {
  return (
    <ModalFrame
      {...open}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={false}
      size={size}
    >
      <AriaDialog className="lk-dialog">
        {({ close }) => (
          <>
            <div className="lk-dialog__header">
              <Heading slot="title" className="lk-dialog__title">
                {title}
              </Heading>
              <Button variant="ghost" isIconOnly aria-label={closeLabel} onPress={close}>
                <CloseIcon />
              </Button>
            </div>
            <div className="lk-dialog__body">{render(children, close)}</div>
            {footer ? <div className="lk-dialog__footer">{render(footer, close)}</div> : null}
          </>
        )}
      </AriaDialog>
    </ModalFrame>
  );
}
