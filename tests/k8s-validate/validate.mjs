// Validates Kubernetes objects against the API's JSON schemas (kubernetes-models).
// Usage: node validate.mjs objects.json   (a JSON array of objects, e.g. a rendered overlay converted to JSON)
// Prints one line per invalid object and exits 1 if any is invalid or of a kind it has no schema for.
import { readFile } from "node:fs/promises";

const modulesByApiVersion = {
  v1: "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
};

const objects = JSON.parse(await readFile(process.argv[2], "utf8"));
let invalid = 0;
for (const object of objects) {
  const where = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
  const path = modulesByApiVersion[object.apiVersion];
  const model = path && (await import(path))[object.kind];
  if (!model) {
    console.log(`${where}: no schema known for this apiVersion/kind`);
    invalid++;
    continue;
  }
  try {
    new model(object).validate();
  } catch (error) {
    console.log(`${where}: ${error.message}`);
    invalid++;
  }
}
console.log(`${objects.length - invalid} valid, ${invalid} invalid`);
process.exit(invalid === 0 ? 0 : 1);
