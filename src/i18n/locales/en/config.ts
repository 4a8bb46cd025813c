/** Messages about storyloc.config.yaml. */
export default {
  notFound: 'No {{name}} found in {{dir}} or any folder above it. Create one (see README) or pass --workspace DIR.',
  notFoundIn: 'No {{name}} in {{dir}} (given with --workspace).',
  invalidYaml: 'the configuration is not valid YAML: {{detail}}',
  expectedMap: '{{where}}: expected a mapping of keys to values',
  unknownKey: 'unknown key "{{key}}"; expected one of: {{expected}}',
  expectedString: '{{where}}: expected a non-empty string',
  expectedNumber: '{{where}}: expected a number from {{min}} to {{max}}',
  expectedBoolean: '{{where}}: expected true or false',
  expectedOneOf: '{{where}}: expected one of: {{expected}}',
  expectedList: '{{where}}: expected a non-empty list',
  unsupportedLanguage: '{{where}}: unsupported language code "{{code}}"; expected one of: {{expected}}',
  pathOutside: '{{where}}: the path "{{path}}" leads outside the workspace',
  symlinkOutside:
    'a symbolic link to {{target}}, outside the workspace: storyloc does not read or write outside the workspace through a link. Replace the link with the folder or file itself, or set paths.allowSymlinksOutside: true in storyloc.config.yaml',
  configSymlinkOutside:
    "a symbolic link to {{target}}, outside the workspace: the workspace's config file is never read through a link that leaves it (paths.allowSymlinksOutside cannot allow the file that sets it). Replace the link with a copy of the file",
  sameLanguage: 'language "{{code}}" is both a source and a target language',
};
