/**
 * The SIPD/SIMPEG simulator on its own, with data matching the demo Pemda (its sub-kegiatan SIPD
 * codes and OPD codes), for `npm start` and manual tries:
 *   node -r @swc-node/register tools/simulators/cli.ts [--port 4010] [--opds 20]
 * SIPD base URL http://127.0.0.1:4010/sipd (credentials {"apiKey": "sipd-sim-key"}), SIMPEG
 * http://127.0.0.1:4010/simpeg ({"username": "simpeg", "password": "simpeg-sim-password"}); set
 * INTEGRATION_ALLOWED_HOSTS=127.0.0.1:4010 for integration-sync to be allowed to call it.
 */
import { parseArgs } from 'node:util';
import { demoSimulatorData } from './demo-data';
import { IntegrationSimulator } from './integration-simulator';

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '4010' }, opds: { type: 'string', default: '20' }, host: { type: 'string', default: '127.0.0.1' } } });
  const sim = new IntegrationSimulator(demoSimulatorData(Number(values.opds)));
  const url = await sim.start(Number(values.port), values.host);
  console.log(JSON.stringify({ simulator: url, sipd: `${url}/sipd`, simpeg: `${url}/simpeg` }));
  const stop = () => void sim.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
