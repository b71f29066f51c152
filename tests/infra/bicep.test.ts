// The Bicep reader the infra checks rely on: strings, comments, nesting and loops read correctly.
import { describe, expect, it } from '@jest/globals';
import { entries, get, items, mask, parseBicep, stringValue } from './bicep.js';

const sample = `// header { not a brace
@secure()
@minLength(32)
param secret string

@allowed([
  'a'
  'b'
])
param choice string = 'a'

var name = 'app'
var poison = '\${name}-poison'
var computed = take('x', 1)

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-\${name}'
  properties: {
    siteConfig: {
      cors: {
        allowedOrigins: [
          'https://\${name}.example'
        ]
      }
    }
    note: 'a } brace and a \\' quote in a string' // and { in a comment
    '\${name}': {}
  }
}

resource rules 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for p in principals: {
    name: guid(p)
    properties: {
      principalType: 'User'
    }
  }
]

resource existingOne 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: name
}

module child 'modules/child.bicep' = {
  name: 'child'
  params: {
    value: choice
  }
}

output ENDPOINT string = 'https://\${site.properties.defaultHostName}'
`;

describe('the Bicep reader', () => {
  const bicep = parseBicep(sample);

  it('blanks comments and string contents but keeps the layout', () => {
    const masked = mask(`x: 'a { b' // c }\ny: { }`);
    expect(masked).toBe(`x: '${' '.repeat(5)}'${' '.repeat(7)}\ny: { }`);
    expect(mask(`'\${f('}')}' }`)).toBe(`'${' '.repeat(9)}' }`);
  });

  it('reads parameters with their decorators and defaults', () => {
    expect(bicep.params.map((p) => [p.name, p.defaultValue])).toEqual([
      ['secret', undefined],
      ['choice', "'a'"],
    ]);
    expect(bicep.params[0]?.decorators).toContain('@secure()');
    expect(bicep.params[1]?.decorators).toContain('@allowed([');
    expect(bicep.params[1]?.decorators).not.toContain('@secure()');
  });

  it('finds resources, loops, existing references, modules and outputs', () => {
    expect(bicep.resources.map((r) => [r.symbol, r.type, r.existing])).toEqual([
      ['site', 'Microsoft.Web/sites', false],
      ['rules', 'Microsoft.Authorization/roleAssignments', false],
      ['existingOne', 'Microsoft.Storage/storageAccounts', true],
    ]);
    expect(get(bicep.resources[1]?.body ?? '', 'properties', 'principalType')).toBe("'User'");
    expect(bicep.modules).toHaveLength(1);
    expect(get(bicep.modules[0]?.body ?? '', 'params', 'value')).toBe('choice');
    expect([...bicep.outputs.keys()]).toEqual(['ENDPOINT']);
  });

  it('reads nested properties without being fooled by braces in strings', () => {
    const site = bicep.resources[0]?.body ?? '';
    const properties = entries(get(site, 'properties') ?? '');
    expect([...properties.keys()]).toEqual(['siteConfig', 'note', '${name}']);
    const origins = get(site, 'properties', 'siteConfig', 'cors', 'allowedOrigins') ?? '';
    expect(items(origins)).toEqual(["'https://${name}.example'"]);
    expect(get(site, 'properties', 'missing')).toBeUndefined();
  });

  it('evaluates plain strings and variable references only', () => {
    expect(stringValue('poison', bicep.vars)).toBe('app-poison');
    expect(stringValue("'a \\' b'")).toBe("a ' b");
    expect(stringValue('computed', bicep.vars)).toBeUndefined();
    expect(stringValue("'a' == 'b'")).toBeUndefined();
    expect(stringValue("'${unknown}'", bicep.vars)).toBeUndefined();
  });
});
