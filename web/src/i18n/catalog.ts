// The message catalogs: the shell's fa.json / en.json plus one pair per area
// of the product (areas/<area>.{fa,en}.json), merged into one flat catalog
// per language. A key lives in exactly one file; keys are prefixed with the
// area ("agent.", "wallboard.", ...). Add an area by adding its two files here.
import adminEn from './areas/admin.en.json';
import adminFa from './areas/admin.fa.json';
import agentEn from './areas/agent.en.json';
import agentFa from './areas/agent.fa.json';
import backofficeEn from './areas/backoffice.en.json';
import backofficeFa from './areas/backoffice.fa.json';
import customerEn from './areas/customer.en.json';
import customerFa from './areas/customer.fa.json';
import planningEn from './areas/planning.en.json';
import planningFa from './areas/planning.fa.json';
import supervisorEn from './areas/supervisor.en.json';
import supervisorFa from './areas/supervisor.fa.json';
import shellEn from './en.json';
import shellFa from './fa.json';

export const en = {
  ...shellEn,
  ...agentEn,
  ...supervisorEn,
  ...adminEn,
  ...backofficeEn,
  ...customerEn,
  ...planningEn,
};
export const fa: Record<string, string> = {
  ...shellFa,
  ...agentFa,
  ...supervisorFa,
  ...adminFa,
  ...backofficeFa,
  ...customerFa,
  ...planningFa,
};

// Every catalog file by name, for the test that each key lives in one file.
export const files: Record<string, Record<string, string>> = {
  'en.json': shellEn,
  'fa.json': shellFa,
  'areas/agent.en.json': agentEn,
  'areas/agent.fa.json': agentFa,
  'areas/supervisor.en.json': supervisorEn,
  'areas/supervisor.fa.json': supervisorFa,
  'areas/admin.en.json': adminEn,
  'areas/admin.fa.json': adminFa,
  'areas/backoffice.en.json': backofficeEn,
  'areas/backoffice.fa.json': backofficeFa,
  'areas/customer.en.json': customerEn,
  'areas/customer.fa.json': customerFa,
  'areas/planning.en.json': planningEn,
  'areas/planning.fa.json': planningFa,
};
