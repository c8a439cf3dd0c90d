/**
 * Writes reports/compliance/quotes.ts: for every rule or detect clause of src/terms/clauses.ts, a short
 * excerpt of its French text, verbatim from ../shared/seeds/ with whitespace normalised. Each excerpt is
 * located by the words it starts and ends with, searched after the clause's own heading, so that a
 * change in the seeds fails here (naming the clause and the words not found) instead of quoting wrong.
 *
 *   npx tsx scripts/extract-quotes.ts
 *
 * An excerpt of several parts joins them with " […] "; one that starts mid-sentence opens with "[…] ".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLAUSES } from '../src/terms/clauses.ts';

const SEEDS = new URL('../../shared/seeds/', import.meta.url);
const OUT = new URL('../reports/compliance/quotes.ts', import.meta.url);
const FILES = { CLIC: '000_340088c4ac9ee206.txt', BASE: '003_6d4128f30f694e09.txt' } as const;
const MAX_PART = 700;

/** Whitespace normalised: a word hyphenated across a line break is joined, every run of blanks is one space. */
export function normalise(text: string): string {
  return text
    .replace(/(\p{Ll})-[ \t]*\r?\n\s*(?=\p{Ll})/gu, '$1-')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Spec {
  /** Text the clause's excerpt is searched after: its heading in the seed. */
  readonly after: string;
  /** [first words, last words] of each part, in order. */
  readonly parts: ReadonlyArray<readonly [string, string]>;
}

const SPECS: Record<string, Spec> = {
  'CLIC-2.1': { after: '2.1 CLIC (Bureau)', parts: [['Si l’éventuel volume de données mobiles', 'la consommation supplémentaire sera facturée.']] },
  'CLIC-2.2': { after: '2.2 À l’exception', parts: [['À l’exception des appels/SMS', 'd’autres pays de la Zone UE.']] },
  'CLIC-2.3': {
    after: '2.3 Un éventuel volume',
    parts: [
      ['au-delà de 30.000 minutes', 'jusqu’à la fin de la période de facturation.'],
      ['en Belgique:300 GB par sim', '100 GB par sim.'],
    ],
  },
  'CLIC-2.4': { after: '2.4 Avec CLIC', parts: [["Dans le cas d'une offre de données mobiles illimitées, la SIM data", 'imputée aux données mobiles du Pack.']] },
  'CLIC-2.5': { after: '2.5 Les sims', parts: [['Le(s) sim(s) doivent être activées', 'comme une résiliation du contrat.']] },
  'CLIC-2.6': { after: '2.6 Si le Client', parts: [['Si le Client passe à un nouvel abonnement CLIC comprenant un volume internet mobile inférieur', 'au cours d’une même période de facturation.']] },
  'CLIC-2.7': { after: 'Phone2Go 2.7', parts: [['Phone2Go est une solution', 'mensuelle fixe supplémentaire.']] },
  'CLIC-2.9': { after: '2..9 Chaque Phone2Go', parts: [['Avec les numéros de téléphone fixes attribués', "avec la même licence d'utilisateur."]] },
  'CLIC-2.10': { after: '2.10 Pour les appels', parts: [["l'Application de bureau ne peut être utilisée", 'connecté à internet via le réseau mobile.']] },
  'CLIC-5.1': {
    after: '5.1. Les abonnements',
    parts: [
      ['Les abonnements CLIC (Bureau) sont des contrats', 'résiliés gratuitement à tout moment.'],
      ['Telenet facturera toutefois au Client', 'au moment de la résiliation.'],
    ],
  },
  'BASE-A': { after: 'A. Définitions', parts: [['désigne les brefs messages écrits de maximum 160 caractères', 'via son téléphone mobile.']] },
  'BASE-B.1.2.1': {
    after: 'B.1.2.1.',
    parts: [
      ["Un Forfait d'appel prépayé donne au Client un accès direct", "à concurrence du montant de ce Forfait d'appel."],
      ["Le Forfait d'appel prépayé est un service réservé", "l'objet d'une facture."],
    ],
  },
  'BASE-B.1.2.2': { after: 'B.1.2.2.', parts: [['Le Client peut utiliser certains Services Mobiles', 'recevoir des appels en Belgique.']] },
  'BASE-B.1.2.3': {
    after: 'B.1.2.3.',
    parts: [
      ["Le Client n'a jamais droit à un quelconque remboursement", 'transfert du numéro vers un autre opérateur.'],
      ['Si le numéro est transféré à un autre opérateur', 'moyennant des frais administratifs.'],
    ],
  },
  'BASE-B.1.2.4': { after: 'B.1.2.4.', parts: [["Les anciennes conditions continuent à s'appliquer", "après l'entrée en vigueur des conditions modifiées."]] },
  'BASE-B.2.2': {
    after: 'B.2.2. Numéro',
    parts: [
      ['1 mois après la fin du Contrat, le Client perd définitivement son numéro', 'en matière de portabilité des numéros.'],
      ["le Forfait d'appel prépayé ne demeure valable", "après l'achat de celui-ci"],
    ],
  },
  'BASE-B.2.3': { after: 'B.2.3. Services', parts: [["Telenet Group fournit l'accès aux services d'urgence", "de l'appelant aux services d'urgence."]] },
  'BASE-B.2.5': {
    after: 'B.2.5. Roaming',
    parts: [
      ["Si un Client veut utiliser les services d'un tel opérateur", "de l'opérateur roaming alternatif."],
      ['Les tarifs roaming de Telenet Group', 'pour de tels services.'],
    ],
  },
  'BASE-B.3.1.3': {
    after: 'B.3.1.3.',
    parts: [
      ['En cas de perte, de vol ou de dégradation de la Carte SIM', 'la suspension des Services Mobiles.'],
      ["Les éventuels frais d'Abonnement restent dus", 'pendant la suspension.'],
    ],
  },
  'BASE-B.3.2.1': {
    after: 'B.3.2.1.',
    parts: [
      ["L'usage de tout autre équipement", 'enregistré auprès de Telenet Group.'],
      ["Le Client accepte que les appels provenant de ou à destination d'appareils non autorisés", 'sans avertissement préalable'],
    ],
  },
  'BASE-B.3.2.4': { after: 'B3.24.', parts: [['le Client demeure responsable de l', 'la suspension des Services Mobiles.']] },
  'BASE-B.3.3.1': { after: 'B3.31.', parts: [["Il est interdit au Client d'envoyer", 'préalablement identifiés.']] },
  'BASE-B.3.3.2': { after: 'B3.32.', parts: [["Sauf en cas d'accord explicite du destinataire", 'contenu commercial quelconque.']] },
  'BASE-B.3.4': { after: 'B3.4.', parts: [['Telenet Group a le droit de suspendre les Services mobiles', 'lien stable avec la Belgique.']] },
  'BASE-B.4': { after: 'B.4. Services Data', parts: [['Les Services Data sont tarifés', "à l'aide de son appareil."]] },
  'BASE-B.5': {
    after: 'B.5. Utilisation',
    parts: [
      ['Sauf autorisation expresse et écrite de Telenet Group', 'qui lui ont été attribués.'],
      ['Toute violation de cette interdiction', 'avec les conséquences que cela emporte.'],
    ],
  },
  'BASE-C.4': { after: 'C.4. Suspension', parts: [['Lorsque Telenet Group est autorisée', 'faisant partie du même Pack.']] },
  'BASE-C.5': { after: 'C.5. Résiliation', parts: [['Si Telenet Group ou le Client décident de résilier', 'résiliés au même moment.']] },
  'BASE-D.3.4': { after: 'D3.4.', parts: [['la responsabilité de Telenet Group est en tout état de cause limitée', 'cinquante mille (50.000) euros.']] },
  'BASE-D.6.1.3': { after: 'D6.1.3.', parts: [['Le Client recevra automatiquement un SMS', 'de plus de 50 euros.']] },
  'BASE-D.6.3': {
    after: 'D6.3. Utilisation normale',
    parts: [
      ["Ce n'est qu'en cas de fraude", "qu'il ne s'agit pas d'un usage normal"],
      ['Telenet Group se réserve le droit de limiter', 'de résilier le Contrat'],
    ],
  },
  'BASE-D.6.5': { after: 'D6.5. Modification', parts: [["Le Client n'est pas autorisé à changer de Plan tarifaire", 'expressément autorisé par Telenet Group.']] },
  'BASE-D.7.1': { after: 'D.7.1.', parts: [['Sauf mention contraire expresse', 'numéros spéciaux exceptés.']] },
  'BASE-D.7.2': { after: 'D.7.2.', parts: [['Certains Plans tarifaires prévoient', 'épuisement du «nouveau» forfait.']] },
  'BASE-D.7.3': { after: 'D.7.3.', parts: [['Telenet Group peut revoir et adapter les prix', 'prix à la consommation.']] },
  'BASE-D.8.1': { after: 'D.8.1.', parts: [['Le Relevé de compte qui est adressée au Client', 'payables chaque mois par anticipation ;']] },
  'BASE-D.8.3': {
    after: 'D.8.3.',
    parts: [
      ['Les Tarifs relatifs à un mois seront facturés pro rata temporis', 'calculé sur la même base.'],
      ['En cas de changement de Plan tarifaire à la demande du Client', 'entrera immédiatement en vigueur.'],
    ],
  },
  'BASE-D.8.5': { after: 'D.8.5.', parts: [['Tous les montants chargés sont payables', 'indiqué sur le Relevé de compte.']] },
  'BASE-D.8.6': {
    after: 'D.8.6.',
    parts: [
      ['Les montants qui ne sont pas payés à échéance', "d'une indemnité forfaitaire"],
      ['a) 20 euros', 'supérieur à 500 euros.'],
    ],
  },
  'BASE-D.8.7': { after: 'D.8.7.', parts: [['Si Telenet Group ne règle pas', 'numéro de compte du Client.']] },
  'BASE-D.8.8': {
    after: 'D.8.8.',
    parts: [
      ["La contestation d'un Relevé de compte", 'à compter de la date du Relevé de compte.'],
      ['Le Client est néanmoins tenu de régler le montant non contesté', 'ne donnent pas lieu à contestation.'],
    ],
  },
  'BASE-D.8.9': { after: 'D.8.9.', parts: [["S'il apparaît qu'un montant trop élevé", 'montants chargés ultérieurement.']] },
  'BASE-D.10.1': { after: 'D.10.1. Début', parts: [["L'Abonnement du Client débute", 'pour une durée indéterminée.']] },
  'BASE-D.10.2.1': {
    after: 'D.10.2.1. Par Telenet Group',
    parts: [
      ["Le Client reconnaît et accepte à cet égard que l'éventuelle redevance", 'pendant la période de suspension des Services.'],
      ['En cas de suspension injustifiée, le Client recevra une note de crédit', 'pendant la période de suspension.'],
    ],
  },
  'BASE-D.10.2': { after: 'D.10.2. Par le Client', parts: [["L'éventuelle redevance d'Abonnement", 'adressée à Telenet Group.']] },
  'BASE-D.10.3.1.1': { after: 'D.10.3.1.1.', parts: [['Telenet Group a le droit de résilier unilatéralement', 'se poursuit pendant quinze (15) jours ;']] },
  'BASE-D.10.3.1.2': { after: 'D.10.3.1.2.', parts: [['En cas de demande de sursis de paiement', 'intervention judiciaire préalable soient requises.']] },
  'BASE-D.10.3.1.3': {
    after: 'D.10.3.1.3.',
    parts: [
      ['Telenet Group a le droit de résilier, par écrit et à tout moment', 'huit (8) semaines.'],
      ["Après l'expiration du préavis", "Forfait d'appel prépayé."],
    ],
  },
  'BASE-D.10.3.1.4': { after: 'D.10.3.1.4.', parts: [["La résiliation de l'Abonnement par Telenet Group", 'de payer les sommes dues.']] },
  'BASE-D.10.3.2.1': {
    after: 'D.10.3.2.1.',
    parts: [
      ['Le Client peut mettre fin à un Abonnement à durée indéterminée', "d'une quelconque indemnité."],
      ['Si le client a conclu un Abonnement à durée déterminée', "qui suit l'entrée en vigueur de l'Abonnement."],
    ],
  },
  'BASE-D.10.3.2.2': { after: 'D.10.3.2.2.', parts: [['Un Abonnement à durée déterminée est automatiquement prolongé', 'de ladite durée déterminée.']] },
  'BASE-D.10.3.2.3': { after: 'D.10.3.2.3.', parts: [["Si le Client résilie l'Abonnement et a reçu", "au moment de la fin de l'Abonnement."]] },
  'BASE-D.10.3.2.4': { after: 'D.10.3.2.4.', parts: [["Si le Client n'est pas d'accord", "en vertu de l'article D.7.3."]] },
  'BASE-D.11.1': { after: 'D.11.1.', parts: [['En cas de modifications prévues à un Contrat', "a de l'impact pour le Client."]] },
  'BASE-D.11.2': { after: 'D.11.2.', parts: [['Si le Client, après avoir été dûment informé', "sans paiement d'une quelconque indemnité."]] },
  'BASE-D.11.3': {
    after: 'D.11.3.',
    parts: [
      ["Le Client qui utilise les Services à l'aide d'un Forfait d'appel prépayé", 'déjà acheté.'],
      ['Le Client qui achète/recharge', 'avoir accepté les modifications.'],
    ],
  },
  'BASE-D.11.4': { after: 'D.11.4.', parts: [['Si la modification du Contrat par Telenet Group', 'de même valeur.']] },
};

/** The excerpt of `spec` in `text`, or an error naming the clause and what was not found. */
export function excerpt(id: string, text: string, spec: Spec): string {
  let cursor = text.indexOf(spec.after);
  if (cursor < 0) throw new Error(`${id}: heading "${spec.after}" not found in the seed`);
  const parts: string[] = [];
  for (const [first, last] of spec.parts) {
    const start = text.indexOf(first, cursor);
    if (start < 0) throw new Error(`${id}: "${first}" not found after "${spec.after}"`);
    const end = text.indexOf(last, start);
    if (end < 0 || end + last.length - start > MAX_PART)
      throw new Error(`${id}: "${last}" not found within ${MAX_PART} characters of "${first}"`);
    parts.push(text.slice(start, end + last.length));
    cursor = end + last.length;
  }
  const joined = parts.join(' […] ');
  return /^\p{Ll}/u.test(joined) ? `[…] ${joined}` : joined;
}

function main(): void {
  const seeds = {
    CLIC: normalise(readFileSync(new URL(FILES.CLIC, SEEDS), 'utf8')),
    BASE: normalise(readFileSync(new URL(FILES.BASE, SEEDS), 'utf8')),
  };
  const judged = CLAUSES.filter((c) => c.treatment.includes('rule') || c.treatment.includes('detect'));
  const missing = judged.filter((c) => !SPECS[c.id]).map((c) => c.id);
  if (missing.length > 0) throw new Error(`no excerpt specified for ${missing.join(', ')}`);
  const lines = judged.map((c) => {
    const seed = c.id.startsWith('CLIC-') ? seeds.CLIC : seeds.BASE;
    return `  ${JSON.stringify(c.id)}: ${JSON.stringify(excerpt(c.id, seed, SPECS[c.id]!))},`;
  });
  const out = [
    '/**',
    ' * The French text of each rule and detect clause: a short excerpt, verbatim from ../shared/seeds/',
    ' * with whitespace normalised. Generated by scripts/extract-quotes.ts; do not edit by hand.',
    ' */',
    'export const QUOTES: Readonly<Record<string, string>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
  writeFileSync(OUT, out);
  console.log(`wrote ${fileURLToPath(OUT)}: ${lines.length} quotes`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
