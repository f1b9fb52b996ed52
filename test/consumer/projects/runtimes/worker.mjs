// workerd: the scenario runs for a request `/?api=<url>`, its result (or its failure) the response's JSON.
import { runScenario } from './scenario.mjs';

export default {
  async fetch(request) {
    const apiUrl = new URL(request.url).searchParams.get('api');
    try {
      return Response.json(await runScenario(apiUrl, 'workerd'));
    } catch (error) {
      return Response.json({ failed: String(error?.stack ?? error) }, { status: 500 });
    }
  },
};
