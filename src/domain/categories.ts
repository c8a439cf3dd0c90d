/**
 * Statement line categories: the headings of BASE-D.8.1 (what a statement lists), plus the money the
 * account's life adds (indemnities, fees, credits). Reports group revenue by these.
 */
export const LINE_CATEGORIES = [
  'connection_fee', // D.8.1 "frais de connexion"
  'subscription_fee', // D.8.1 "redevance d'Abonnement ... payables chaque mois par anticipation"
  'option_fee', // D.8.1 "contribution complémentaire pour les options"
  'national_usage', // D.8.1 "trafic national" (beyond the allowance)
  'international_usage', // D.8.1 "trafic international"
  'roaming_usage', // D.8.1 "services de roaming"
  'special_numbers', // D.8.1 "appels vers des numéros spéciaux"
  'equipment', // D.8.1 "matériel loué ou commandé"
  'third_party', // D.8.1 "Fournisseurs de Contenu"
  'late_payment', // D.8.6 indemnity and reminder fees
  'reactivation_fee', // D.10.2.1
  'termination_fee', // D.10.3.2.1
  'device_residual', // CLIC-5.1, D.10.3.2.3
  'credit', // credit notes and offsets (D.8.9, D.10.2.1, B.3.1.3)
] as const;

export type LineCategory = (typeof LINE_CATEGORIES)[number];
