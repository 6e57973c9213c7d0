// Compile every bundled civicspace schema with ajv in strict mode, as JavaScript users do.
//
// Usage: node tests/js/compile_bundles.mjs BUNDLES_DIR [NODE_MODULES_DIR]
// BUNDLES_DIR holds NAME.json files written by `civicspace schema NAME --bundle`; each is
// compiled by Ajv2020 with strict: true (every strict option on) and ajv-formats, then its
// own `examples` are validated.  Exit 1 with every failure listed; 0 when all compile.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const [bundles, modules = process.cwd()] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modules), "noop.js"));
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

let failures = 0;
for (const file of fs.readdirSync(bundles).filter((name) => name.endsWith(".json")).sort()) {
  const schema = JSON.parse(fs.readFileSync(path.join(bundles, file), "utf8"));
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  try {
    const validate = ajv.compile(schema);
    for (const [index, example] of (schema.examples ?? []).entries()) {
      if (!validate(example)) {
        failures += 1;
        console.log(`${file}: example ${index} refused: ${ajv.errorsText(validate.errors)}`);
      }
    }
    console.log(`${file}: compiles in strict mode`);
  } catch (error) {
    failures += 1;
    console.log(`${file}: ${error.message}`);
  }
}
process.exit(failures ? 1 : 0);
