import { PASSWORD_MIN_LENGTH } from '@lakou/domain/identity';

export const AUTH_BASE_PATH = '/api/auth';

/** French wording of the auth library's error codes (unknown codes get a generic refusal). */
export const PASSWORD_MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'Adresse e-mail ou mot de passe incorrect.',
  INVALID_EMAIL: 'Adresse e-mail invalide.',
  INVALID_PASSWORD: 'Le mot de passe actuel est incorrect.',
  ACCOUNT_DISABLED: 'Ce compte est désactivé. Adressez-vous à l’administration du réseau.',
  INVALID_TOKEN: 'Ce lien n’est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau.',
  PASSWORD_TOO_SHORT: `Le mot de passe compte au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  PASSWORD_TOO_LONG: 'Le mot de passe compte au plus 128 caractères.',
  USER_NOT_FOUND: 'Ce compte n’existe pas.',
  CREDENTIAL_ACCOUNT_NOT_FOUND:
    'Ce compte n’a pas encore de mot de passe : suivez le lien de votre invitation.',
  SESSION_EXPIRED: 'Votre session a expiré : reconnectez-vous.',
  UNAUTHORIZED: 'Connectez-vous pour continuer.',
  EMAIL_NOT_VERIFIED: 'Adresse e-mail non vérifiée.',
  FAILED_TO_CREATE_SESSION: 'La session n’a pas pu être ouverte ; réessayez.',
  INVALID_ORIGIN: 'Requête refusée : origine non reconnue.',
  MISSING_OR_NULL_ORIGIN: 'Requête refusée : origine absente.',
  VALIDATION_ERROR: 'Certaines valeurs envoyées sont invalides.',
};
