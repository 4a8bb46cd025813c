/** Messaggi su storyloc.config.yaml. */
export default {
  notFound:
    'Nessun {{name}} trovato in {{dir}} né nelle cartelle superiori. Creane uno (vedi README) o usa --workspace DIR.',
  notFoundIn: 'Nessun {{name}} in {{dir}} (indicata con --workspace).',
  invalidYaml: 'la configurazione non è YAML valido: {{detail}}',
  expectedMap: '{{where}}: atteso un insieme di chiavi e valori',
  unknownKey: 'chiave sconosciuta "{{key}}"; attese: {{expected}}',
  expectedString: '{{where}}: attesa una stringa non vuota',
  expectedNumber: '{{where}}: atteso un numero da {{min}} a {{max}}',
  expectedBoolean: '{{where}}: atteso true o false',
  expectedOneOf: '{{where}}: atteso uno tra: {{expected}}',
  expectedList: '{{where}}: attesa una lista non vuota',
  unsupportedLanguage: '{{where}}: codice lingua non supportato "{{code}}"; attesi: {{expected}}',
  pathOutside: '{{where}}: il percorso "{{path}}" esce dalla cartella di lavoro',
  symlinkOutside:
    'è un collegamento simbolico a {{target}}, fuori dalla cartella di lavoro: storyloc non legge né scrive fuori dalla cartella di lavoro attraverso un collegamento. Sostituisci il collegamento con la cartella o il file stesso, oppure imposta paths.allowSymlinksOutside: true in storyloc.config.yaml',
  configSymlinkOutside:
    'è un collegamento simbolico a {{target}}, fuori dalla cartella di lavoro: il file di configurazione non viene mai letto attraverso un collegamento che esce dalla cartella di lavoro (paths.allowSymlinksOutside non può autorizzare il file che lo imposta). Sostituisci il collegamento con una copia del file',
  sameLanguage: 'la lingua "{{code}}" è sia di origine sia di destinazione',
};
