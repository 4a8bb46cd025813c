/** Messaggi sulla lettura degli articoli. */
export default {
  empty: '{{file}} è vuoto: niente da tradurre',
  binary: '{{file}} è un file binario (contiene un byte NUL), non un articolo Markdown',
  encoding: '{{file}} non è testo UTF-8 valido; salvalo in UTF-8',
  frontMatterUnterminated: '{{file}}: il front matter aperto con --- non viene mai chiuso (aggiungi una riga con ---)',
  frontMatterYaml: 'il front matter non è YAML valido: {{detail}}',
  frontMatterNotMap: 'il front matter deve essere un insieme di chiavi e valori',
  blockTooLarge: 'un singolo blocco di {{length}} caratteri supera il limite di {{limit}}; dividilo in paragrafi',
  lineEndings: '{{file}} usa fine riga Windows (CRLF); convertilo in LF (per esempio con dos2unix) prima di tradurlo',
  outsideWorkspace: '{{file}} è fuori dalla cartella degli articoli {{articles}}',
  unknownLanguage: '{{file}}: lingua di origine sconosciuta "{{code}}"; metti l’articolo in articles/<lingua>/ (per esempio articles/en/)',
  notSourceLanguage: '{{file}}: "{{code}}" non è una lingua di origine configurata ({{languages}})',
  notFound: '{{file}} non esiste',
  isDirectory: '{{file}} è una cartella, non un articolo',
};
