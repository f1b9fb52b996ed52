// Node.js, Bun and Deno: runs the scenario against the API named on the command line and prints its result as JSON.
import { runScenario } from './scenario.mjs';

const [apiUrl, runtime] = globalThis.Deno?.args ?? process.argv.slice(2);
console.log(JSON.stringify(await runScenario(apiUrl, runtime)));
