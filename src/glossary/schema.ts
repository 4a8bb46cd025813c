/**
 * The JSON Schema of a `glossary/*.yaml` file. This object is the source of truth: the published
 * `schemas/glossary.schema.json` (for editor completion via `# yaml-language-server: $schema=…`) is
 * written from it, and a test fails when the two differ (`UPDATE_SCHEMA=1` rewrites the file).
 *
 * Checks that need the whole termbase (duplicate ids, conflicting forms, padded forms) live in lint.ts,
 * so their messages can name both places.
 */
import { supportedLanguages } from '../languages.js';

const languageCode = { enum: [...supportedLanguages] };

const perLanguage = (value: object, description: string): object => ({
  type: 'object',
  description,
  propertyNames: languageCode,
  additionalProperties: value,
});

const stringList = { type: 'array', items: { type: 'string' } };

export const glossarySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://storyloc.dev/schemas/glossary.schema.json',
  title: 'storyloc glossary file',
  description: 'One file of the termbase: every glossary/*.yaml file of a workspace merges into one termbase.',
  type: 'object',
  additionalProperties: false,
  required: ['entries'],
  properties: {
    version: { const: 1, description: 'Format version (1).' },
    entries: {
      type: 'array',
      description: 'The terms of this file.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'type', 'forms'],
        properties: {
          id: {
            type: 'string',
            pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
            description: 'Stable identifier (letters, digits, ".", "_", "-"): translated segments record it.',
          },
          type: { enum: ['person', 'title', 'organization', 'place', 'term'] },
          forms: {
            ...perLanguage({ type: 'string' }, 'Canonical form per language code (en, ko, it, …).'),
            minProperties: 1,
          },
          variants: perLanguage(
            stringList,
            'Accepted variants per language: other spellings in sources, accepted alternatives in targets.',
          ),
          forbidden: perLanguage(stringList, 'Forms that must never appear in a target text of that language.'),
          doNotTranslate: {
            type: 'boolean',
            description: 'The same form everywhere (tvN, chaebol): a missing language takes the English form.',
          },
          caseSensitive: {
            description: 'true: match the exact case; a map gives it per language ({ en: false, it: true }).',
            oneOf: [{ type: 'boolean' }, perLanguage({ type: 'boolean' }, 'Case sensitivity per language.')],
          },
          note: { type: 'string', description: 'A note for translators.' },
        },
      },
    },
  },
} as const;
