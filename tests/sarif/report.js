// The second half of validate.sh: reads what ajv and the SARIF multitool said about the copies in
// DIR (DIR/map.json: copy path -> original path), prints every problem under the original path and
// exits 1 when there is any error: an ajv schema error, or a multitool result at level error (its
// own level, else its rule's default level, else "warning" as SARIF defines).
// Usage: node report.js DIR AJV_EXIT_CODE
'use strict';
const fs = require('fs');
const path = require('path');

const [dir, ajvCode] = process.argv.slice(2);
const map = JSON.parse(fs.readFileSync(path.join(dir, 'map.json'), 'utf8'));
const relabel = (s) => Object.keys(map).reduce((acc, copy) => acc.split(copy).join(map[copy]), s);
let errors = 0;

// ajv prints "FILE valid", or "FILE invalid" followed by the errors.
const ajvOut = fs.readFileSync(path.join(dir, 'ajv.txt'), 'utf8');
for (const line of ajvOut.split('\n')) {
  if (line === '' || / valid$/.test(line)) continue;
  console.log(`schema: ${relabel(line)}`);
  if (/ invalid$/.test(line)) errors += 1;
}
if (ajvCode !== '0' && errors === 0) {
  console.log(`schema: ajv exited with ${ajvCode}`);
  errors += 1;
}

const log = JSON.parse(fs.readFileSync(path.join(dir, 'multitool.sarif'), 'utf8'));
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const result of run.results || []) {
    const rule = (result.ruleIndex !== undefined ? rules[result.ruleIndex] : undefined) || byId.get(result.ruleId) || {};
    const level = result.level || (rule.defaultConfiguration && rule.defaultConfiguration.level) || 'warning';
    let text = result.message.text;
    if (text === undefined && result.message.id) {
      const template = rule.messageStrings && rule.messageStrings[result.message.id];
      text = template ? template.text : result.message.id;
      (result.message.arguments || []).forEach((arg, i) => {
        text = text.split(`{${i}}`).join(arg);
      });
    }
    const where = ((result.locations || [])[0] || {}).physicalLocation || {};
    let file = where.artifactLocation ? where.artifactLocation.uri : '?';
    if (file.startsWith('file://')) file = decodeURIComponent(file.slice('file://'.length));
    const region = where.region ? `(${where.region.startLine},${where.region.startColumn})` : '';
    console.log(`multitool: ${relabel(file)}${region}: ${level} ${result.ruleId}: ${relabel(text)}`);
    if (level === 'error') errors += 1;
  }
  for (const inv of run.invocations || []) {
    for (const n of inv.toolExecutionNotifications || []) {
      const level = n.level || 'warning';
      console.log(`multitool: ${level}: ${relabel((n.message && n.message.text) || '')}`);
      if (level === 'error') errors += 1;
    }
    if (inv.executionSuccessful === false) {
      console.log('multitool: the validation run did not succeed');
      errors += 1;
    }
  }
}
process.exit(errors > 0 ? 1 : 0);
