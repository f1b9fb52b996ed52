// Runs one consumer program's `main` against the server named on the command line and prints its result as JSON.
import { pathToFileURL } from 'node:url';

const [program, baseUrl] = process.argv.slice(2);
const { main } = await import(pathToFileURL(program).href);
console.log(JSON.stringify(await main(baseUrl)));
