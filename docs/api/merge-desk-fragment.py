# Run from the repository root after merging auth: folds docs/api/desk-openapi-fragment.json
# into docs/api/openapi.json (paths, tags, schemas), then delete the fragment and this file.
# Merges docs/api/desk-openapi-fragment.json into docs/api/openapi.json.
import json
base = json.load(open('docs/api/openapi.json'))
frag = json.load(open('docs/api/desk-openapi-fragment.json'))
base['paths'].update(frag['paths'])
names = {t['name'] for t in base.get('tags', [])}
for t in frag['tags']:
    if t['name'] not in names: base.setdefault('tags', []).append(t)
schemas = base.setdefault('components', {}).setdefault('schemas', {})
for k, v in frag['components']['schemas'].items():
    if k == 'Error' and 'Error' in schemas: continue
    schemas[k] = v
json.dump(base, open('docs/api/openapi.json', 'w'), indent=2, ensure_ascii=False)
open('docs/api/openapi.json', 'a').write('\n')
print(len(base['paths']))
