import { type PartnerKind, partnerKinds } from '@lakou/domain/network';

export function isPartnerKind(kind: string): kind is PartnerKind {
  return (partnerKinds as readonly string[]).includes(kind);
}
