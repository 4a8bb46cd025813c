/**
 * In-memory store of DeepL v3 ("multilingual") glossaries for the DeepL test server: one glossary holds
 * one dictionary per language pair. A v2 (single-pair) glossary is stored the same way, with one
 * dictionary, as DeepL lets v3 endpoints see glossaries made with v2. Wire shapes (snake_case JSON) are built here too, so the server
 * routes stay thin. Language codes are stored lower case, as DeepL returns them for glossaries.
 */
import { randomUUID } from 'node:crypto';

export interface StoredDictionary {
  sourceLang: string;
  targetLang: string;
  /** source term → target term, in insertion order; replaced, never mutated, on change */
  entries: Map<string, string>;
}

export interface StoredGlossary {
  id: string;
  name: string;
  creationTime: string;
  dictionaries: StoredDictionary[];
}

/** A dictionary as a request describes it, before validation. */
export interface DictionaryInput {
  sourceLang: string | undefined;
  targetLang: string | undefined;
  entries: string | undefined;
  entriesFormat: string | undefined;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown by validation; the server turns it into a 400 JSON `{message}` answer. */
export class BadRequest extends Error {}

export class GlossaryStore {
  private readonly glossaries = new Map<string, StoredGlossary>();

  constructor(private readonly isGlossaryLanguage: (code: string) => boolean) {}

  /** Creates a glossary from already parsed dictionaries (for tests that seed the server directly). */
  add(
    name: string,
    dictionaries: Array<{ sourceLang: string; targetLang: string; entries: Record<string, string> }>,
  ): StoredGlossary {
    return this.store(
      name,
      dictionaries.map((dictionary) => ({
        sourceLang: dictionary.sourceLang.toLowerCase(),
        targetLang: dictionary.targetLang.toLowerCase(),
        entries: new Map(Object.entries(dictionary.entries)),
      })),
    );
  }

  create(name: string | undefined, inputs: DictionaryInput[]): StoredGlossary {
    if (!name) throw new BadRequest("Missing or empty parameter 'name'");
    if (inputs.length === 0) throw new BadRequest("Missing parameter 'dictionaries'");
    const dictionaries = inputs.map((input) => this.parseDictionary(input));
    const pairs = new Set(dictionaries.map((d) => `${d.sourceLang}-${d.targetLang}`));
    if (pairs.size !== dictionaries.length) throw new BadRequest('Duplicate language pair in dictionaries');
    return this.store(name, dictionaries);
  }

  get(id: string): StoredGlossary | undefined {
    return this.glossaries.get(id.toLowerCase());
  }

  list(): StoredGlossary[] {
    return [...this.glossaries.values()];
  }

  delete(id: string): boolean {
    return this.glossaries.delete(id.toLowerCase());
  }

  /** PATCH: rename and/or merge entries into dictionaries (a new pair creates its dictionary). */
  update(glossary: StoredGlossary, name: string | undefined, inputs: DictionaryInput[]): void {
    if (name === undefined && inputs.length === 0)
      throw new BadRequest("Nothing to update: give 'name' or 'dictionaries'");
    if (name !== undefined) {
      if (!name) throw new BadRequest("Empty parameter 'name'");
      glossary.name = name;
    }
    for (const input of inputs) {
      const patch = this.parseDictionary(input);
      const existing = findDictionary(glossary, patch.sourceLang, patch.targetLang);
      if (!existing) glossary.dictionaries.push(patch);
      // a new Map, never a mutation: the translator caches prepared terms per Map
      else existing.entries = new Map([...existing.entries, ...patch.entries]);
    }
  }

  /** PUT: replaces the dictionary of one pair (or adds it). Returns it and whether it was new. */
  replace(glossary: StoredGlossary, input: DictionaryInput): { dictionary: StoredDictionary; created: boolean } {
    const dictionary = this.parseDictionary(input);
    const index = glossary.dictionaries.findIndex(
      (d) => d.sourceLang === dictionary.sourceLang && d.targetLang === dictionary.targetLang,
    );
    if (index === -1) glossary.dictionaries.push(dictionary);
    else glossary.dictionaries[index] = dictionary;
    return { dictionary, created: index === -1 };
  }

  deleteDictionary(glossary: StoredGlossary, sourceLang: string, targetLang: string): boolean {
    const before = glossary.dictionaries.length;
    glossary.dictionaries = glossary.dictionaries.filter(
      (d) => !(d.sourceLang === sourceLang.toLowerCase() && d.targetLang === targetLang.toLowerCase()),
    );
    return glossary.dictionaries.length !== before;
  }

  private store(name: string, dictionaries: StoredDictionary[]): StoredGlossary {
    const glossary: StoredGlossary = { id: randomUUID(), name, creationTime: new Date().toISOString(), dictionaries };
    this.glossaries.set(glossary.id, glossary);
    return glossary;
  }

  private parseDictionary(input: DictionaryInput): StoredDictionary {
    if (!input.sourceLang || !input.targetLang)
      throw new BadRequest("Missing parameter 'source_lang' or 'target_lang'");
    const sourceLang = input.sourceLang.toLowerCase();
    const targetLang = input.targetLang.toLowerCase();
    if (!this.isGlossaryLanguage(sourceLang) || !this.isGlossaryLanguage(targetLang) || sourceLang === targetLang) {
      throw new BadRequest(`Unsupported glossary language pair ${sourceLang}-${targetLang}`);
    }
    if (input.entries === undefined) throw new BadRequest("Missing parameter 'entries'");
    const format = input.entriesFormat ?? 'tsv';
    if (format !== 'tsv' && format !== 'csv') throw new BadRequest(`Unsupported entries_format '${format}'`);
    return { sourceLang, targetLang, entries: parseEntries(input.entries, format) };
  }
}

export function findDictionary(
  glossary: StoredGlossary,
  sourceLang: string,
  targetLang: string,
): StoredDictionary | undefined {
  const source = sourceLang.toLowerCase();
  const target = targetLang.toLowerCase();
  return glossary.dictionaries.find((d) => d.sourceLang === source && d.targetLang === target);
}

/** Parses TSV (`source<TAB>target` per line) or CSV (`source,target`, double quotes allowed). */
export function parseEntries(text: string, format: 'tsv' | 'csv'): Map<string, string> {
  const entries = new Map<string, string>();
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    if (line.trim() === '') return;
    const fields = format === 'tsv' ? line.split('\t') : splitCsvLine(line);
    if (fields.length < 2 || (format === 'tsv' && fields.length !== 2)) {
      throw new BadRequest(`Invalid glossary entry on line ${index + 1}`);
    }
    const source = fields[0]!.trim();
    const target = fields[1]!.trim();
    if (!source || !target) throw new BadRequest(`Empty term on line ${index + 1}`);
    if (entries.has(source)) throw new BadRequest(`Duplicate source term '${source}' on line ${index + 1}`);
    entries.set(source, target);
  });
  return entries;
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

export function entriesToTsv(entries: Map<string, string>): string {
  return [...entries].map(([source, target]) => `${source}\t${target}`).join('\n');
}

export function dictionaryInfoJson(dictionary: StoredDictionary): Record<string, unknown> {
  return {
    source_lang: dictionary.sourceLang,
    target_lang: dictionary.targetLang,
    entry_count: dictionary.entries.size,
  };
}

export function glossaryInfoJson(glossary: StoredGlossary): Record<string, unknown> {
  return {
    glossary_id: glossary.id,
    name: glossary.name,
    dictionaries: glossary.dictionaries.map(dictionaryInfoJson),
    creation_time: glossary.creationTime,
  };
}

/** The v2 (single-pair) wire form of a glossary with one dictionary. */
export function v2GlossaryInfoJson(glossary: StoredGlossary): Record<string, unknown> {
  const dictionary = glossary.dictionaries[0]!;
  return {
    glossary_id: glossary.id,
    name: glossary.name,
    ready: true,
    source_lang: dictionary.sourceLang,
    target_lang: dictionary.targetLang,
    creation_time: glossary.creationTime,
    entry_count: dictionary.entries.size,
  };
}
