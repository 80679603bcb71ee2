import { createTransport } from 'nodemailer';
import type { Db } from '../db/client.ts';
import { dispatchPending, type PendingEmail } from './outbox.ts';

export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
}

/** Without SMTP settings (development), an email is printed to the log: its link can be followed from there. */
function sender(settings: MailSettings, log: (line: string) => void) {
  if (!settings.smtpUrl) {
    return async (email: PendingEmail) => {
      log(
        `[lakou] e-mail (pas de SMTP configuré) à ${email.toAddress} — ${email.subject}\n${email.bodyText}`,
      );
    };
  }
  const transport = createTransport(settings.smtpUrl);
  return async (email: PendingEmail) => {
    await transport.sendMail({
      from: settings.from,
      to: email.toAddress,
      subject: email.subject,
      text: email.bodyText,
    });
  };
}

/**
 * Polls the outbox every few seconds (and at once when `wake` is called after a new email).
 * Returns `wake` and `stop`.
 */
export function startOutboxDispatcher(
  db: Db,
  settings: MailSettings,
  options: { intervalMs?: number; log?: (line: string) => void } = {},
) {
  const send = sender(settings, options.log ?? ((line) => console.log(line)));
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = dispatchPending(db, send)
      .then((r) => {
        if (r.failed)
          console.error(`[lakou] ${r.failed} e-mail(s) non envoyé(s) ; nouvel essai plus tard.`);
      })
      .catch((error) => console.error('[lakou] file d’envoi des e-mails :', error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 5000);
  timer.unref();
  tick();
  return {
    wake: () => setTimeout(tick, 0),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
