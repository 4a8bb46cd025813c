/** Messaggi sulla lettura degli articoli (mostrati sempre dopo `file:riga:colonna:`, quindi senza ripetere il file). */
export default {
  empty: 'il file è vuoto: niente da tradurre',
  binary: 'questo è un file binario (contiene un byte NUL), non un articolo Markdown',
  encoding: 'questo non è testo UTF-8 valido (il primo byte errato è all’offset {{offset}}); salva il file in UTF-8',
  frontMatterUnterminated: 'il front matter aperto con --- non viene mai chiuso (aggiungi una riga con ---)',
  frontMatterYaml: 'il front matter non è YAML valido: {{detail}}',
  frontMatterNotMap: 'il front matter deve essere un insieme di chiavi e valori',
  blockTooLarge:
    'un singolo blocco di {{length}} caratteri supera il limite di {{limit}} (limits.maxBlockChars in storyloc.config.yaml); dividilo in paragrafi',
  lineEndings:
    'da qui il file mescola tipi di fine riga (o termina le righe con un CR isolato); salvalo con fine riga tutti LF o tutti CRLF (Windows)',
  outsideWorkspace: 'il file è fuori dalla cartella degli articoli {{articles}}',
  unknownLanguage:
    'lingua di origine sconosciuta "{{code}}"; metti l’articolo in articles/<lingua>/ (per esempio articles/en/)',
  notSourceLanguage: '"{{code}}" non è una lingua di origine configurata ({{languages}})',
  notFound: 'il file non esiste',
  isDirectory: 'questa è una cartella, non un articolo',
  utf16: 'questo file è testo UTF-16, che non è supportato; salva il file in UTF-8',
  tooDeep:
    'qui citazioni ed elenchi sono annidati su {{depth}} livelli, oltre il limite di {{limit}} (limits.maxNestingDepth in storyloc.config.yaml); l’articolo non è stato letto',
  tooDeepUnknown:
    'citazioni, elenchi o formattazione sono annidati troppo in profondità per essere letti (il limite è {{limit}}, limits.maxNestingDepth in storyloc.config.yaml); l’articolo non è stato letto',
  unknownFolder:
    '{{folder}} non è la cartella di una lingua di origine configurata (sourceLanguages: {{languages}}); metti l’articolo in articles/<lingua>/ oppure aggiungi la lingua a sourceLanguages',
  hidden: 'i file nascosti non sono articoli (il nome comincia con un punto); rinominalo per tradurlo',
  changedWhileRead:
    'il file è cambiato mentre storyloc lo leggeva; non ne è stato scritto nulla, esegui di nuovo il comando',
};
