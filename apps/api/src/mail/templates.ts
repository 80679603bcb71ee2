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
