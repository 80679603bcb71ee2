import type { OutgoingEmail } from './outbox.ts';

const SIGNATURE =
  '\n\n— Lakou, le hub des tiers-lieux\nSi vous n’attendiez pas ce message, ignorez-le : rien ne change sans ce lien.';

export function invitationEmail(
  to: { email: string; name: string },
  link: string,
  days: number,
): OutgoingEmail {
  return {
    kind: 'invitation',
    to: to.email,
    subject: 'Votre accès à Lakou',
    text: `Bonjour ${to.name},\n\nUn compte Lakou vient d’être ouvert pour vous. Choisissez votre mot de passe en suivant ce lien (valable ${days} jours, une seule fois) :\n\n${link}${SIGNATURE}`,
  };
}

export function passwordResetEmail(
  to: { email: string; name: string },
  link: string,
  minutes: number,
): OutgoingEmail {
  return {
    kind: 'password-reset',
    to: to.email,
    subject: 'Réinitialiser votre mot de passe Lakou',
    text: `Bonjour ${to.name},\n\nPour choisir un nouveau mot de passe, suivez ce lien (valable ${minutes} minutes, une seule fois) :\n\n${link}${SIGNATURE}`,
  };
}

export interface EventSummary {
  title: string;
  /** Date and time in the centre's zone, in words (« mardi 24 novembre 2026 à 18:00 »). */
  when: string;
  where: string;
}

const EVENT_SIGNATURE = '\n\n— Lakou, le hub des tiers-lieux';

export function registrationEmail(
  to: { email: string; name: string },
  event: EventSummary,
  outcome: { status: 'registered' | 'waitlisted'; position: number | null; cancelLink: string },
): OutgoingEmail {
  const head =
    outcome.status === 'registered'
      ? `Votre inscription à « ${event.title} » est confirmée.`
      : `« ${event.title} » est complet : vous êtes sur la liste d’attente${outcome.position ? ` (position ${outcome.position})` : ''}. Si une place se libère, vous êtes inscrit automatiquement et prévenu par e-mail.`;
  return {
    kind: 'registration',
    to: to.email,
    subject:
      outcome.status === 'registered'
        ? `Inscription confirmée : ${event.title}`
        : `Liste d’attente : ${event.title}`,
    text: `Bonjour ${to.name},\n\n${head}\n\nQuand : ${event.when}\nOù : ${event.where}\n\nSi vous ne pouvez pas venir, libérez votre place avec ce lien :\n${outcome.cancelLink}${EVENT_SIGNATURE}`,
  };
}

export function promotionEmail(
  to: { email: string; name: string },
  event: EventSummary,
): OutgoingEmail {
  return {
    kind: 'waitlist-promotion',
    to: to.email,
    subject: `Une place s’est libérée : ${event.title}`,
    text: `Bonjour ${to.name},\n\nUne place s’est libérée : vous êtes maintenant inscrit à « ${event.title} ».\n\nQuand : ${event.when}\nOù : ${event.where}\n\nSi vous ne pouvez plus venir, libérez votre place avec le lien reçu lors de votre inscription.${EVENT_SIGNATURE}`,
  };
}

export function eventCancelledEmail(
  to: { email: string; name: string },
  event: EventSummary,
  reason: string,
): OutgoingEmail {
  return {
    kind: 'event-cancelled',
    to: to.email,
    subject: `Annulé : ${event.title}`,
    text: `Bonjour ${to.name},\n\nNous sommes désolés : « ${event.title} » (${event.when}, ${event.where}) est annulé.\n\nRaison : ${reason}${EVENT_SIGNATURE}`,
  };
}
