/**
 * Plain words a reader may type that the release's own texts (titles, definitions, breakdown labels) do not use, and
 * where they lead: a dashboard (by its slug) or an indicator (by its id). Only words whose meaning the target really
 * covers: "hacking" is what UN-CTS files under unlawful access; there is no ivory in this release, so "ivory" leads
 * nowhere rather than to rhino horn.
 */
export const SEARCH_SYNONYMS: readonly { words: string; targets: readonly string[] }[] = [
  { words: 'human trafficking modern slavery forced labour labor sex trafficking', targets: ['trafficking-in-persons', 'tip_victims_detected'] },
  { words: 'people smuggling smugglers refugees migrants deaths drownings boats shipwrecks', targets: ['migrant-smuggling', 'smg_dead_missing'] },
  { words: 'guns weapons arms pistols rifles', targets: ['firearms', 'fa_arms_seized'] },
  { words: 'poaching poachers rhinoceros rhino horn', targets: ['wildlife', 'wl_rhinos_poached'] },
  { words: 'pangolin scales wildlife trade CITES endangered species', targets: ['wildlife', 'wl_pangolin_seizures'] },
  { words: 'fake counterfeit falsified substandard medicines drugs pharmaceuticals antimalarials', targets: ['falsified-medicines', 'med_samples_failed'] },
  { words: 'online cyber internet fraud scams phishing', targets: ['cybercrime', 'cyb_fraud_cyber'] },
  { words: 'hacking hackers intrusion', targets: ['cyb_unlawful_access'] },
  { words: 'malware ransomware sabotage', targets: ['cyb_unlawful_interference'] },
  { words: 'eavesdropping wiretapping', targets: ['cyb_unlawful_interception'] },
];
